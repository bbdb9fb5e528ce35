import { describe, expect, it } from 'vitest';
import { describeError } from './describe-error';

class DatabaseError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly detail: string,
    readonly constraint?: string,
  ) {
    super(message);
    this.name = 'error';
  }
}

describe('describeError', () => {
  it('keeps class, code, identifiers, frames and causes; never other fields', () => {
    const cause = new DatabaseError(
      'duplicate key value violates unique constraint "subscribers_email_unique"',
      '23505',
      'Key (email)=(x@y.test) exists.',
      'subscribers_email_unique',
    );
    const error = Object.assign(
      new Error('Failed query: insert into "subscribers" values ($1)\nparams: x@y.test,Marie', { cause }),
      {
        query: 'insert …',
        params: ['x@y.test', 'Marie'],
      },
    );
    const safe = describeError(error);
    const text = JSON.stringify(safe);
    expect(text).not.toMatch(/x@y\.test|Marie/);
    expect(safe).toMatchObject({
      type: 'Error',
      message: 'Failed query […]',
      cause: { type: 'DatabaseError', code: '23505', constraint: 'subscribers_email_unique' },
    });
    expect(safe.stack).toMatch(/^\s+at /);
    expect(Object.keys(safe.cause!)).not.toContain('detail');
  });

  it('drops stack lines a value could forge, and says only the kind of a thrown non-error', () => {
    const forged = new Error('name: a\n    at Marie Curie');
    forged.message = 'changed';
    expect(describeError(forged).stack ?? '').not.toContain('Marie');
    expect(describeError({ email: 'x@y.test' })).toEqual({
      type: 'object',
      message: '[a value that is not an Error was thrown]',
    });
  });
});
