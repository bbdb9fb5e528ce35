import { describe, expect, it } from 'vitest';
import { scrubText } from './scrub-text';

describe('scrubText', () => {
  it("cuts a failed query's text and parameters", () => {
    const message =
      'Failed query: insert into "subscribers" ("email", "name") values ($1, $2)\nparams: x@y.test,Marie Curie,tok';
    expect(scrubText(`Error: ${message}`)).toBe('Error: Failed query […]');
  });

  it('keeps identifiers PostgreSQL names and hides the values it quotes', () => {
    expect(scrubText('duplicate key value violates unique constraint "subscribers_email_unique"')).toBe(
      'duplicate key value violates unique constraint "subscribers_email_unique"',
    );
    expect(scrubText('invalid input syntax for type uuid: "Marie Curie"')).toBe(
      'invalid input syntax for type uuid: "…"',
    );
    expect(scrubText('invalid input value for enum campaign_status: "Marie"')).toBe(
      'invalid input value for enum campaign_status: "…"',
    );
    expect(scrubText('column "Marie Curie" does not exist')).toBe('column "…" does not exist');
  });

  it('hides addresses and tokens, keeps uuids and job ids', () => {
    const token = 'q7Zk0bV1m8Yc3pR5tX9wA2sD4fG6hJ8kL0zX1cV3bN5';
    const id = '3f2a1b2c-1d2e-4f3a-8b9c-0d1e2f3a4b5c';
    expect(scrubText('550 5.1.1 <Jeanne.Dupont@example.org>: rejected')).toBe('550 5.1.1 <[address]>: rejected');
    expect(scrubText(`/preferences/${token} and confirm-${id}`)).toBe(`/preferences/[token] and confirm-${id}`);
  });
});
