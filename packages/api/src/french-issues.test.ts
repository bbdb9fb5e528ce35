import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { configureFrenchValidation, fieldLabel, validationSummary } from './french-issues';

configureFrenchValidation();

const messages = (schema: z.ZodType, input: unknown) =>
  schema.safeParse(input).error?.issues.map((issue) => [issue.path.join('.'), issue.message]);

describe('validation messages staff read', () => {
  const Form = z.object({
    email: z.email(),
    title: z.string().min(1).max(5),
    count: z.coerce.number().int().min(2),
    role: z.enum(['admin', 'editor']),
    tags: z.array(z.string()).min(2),
  });

  it('are French and say what to do', () => {
    expect(messages(Form, { email: 'x', title: '', count: 'a', role: 'chef', tags: [] })).toEqual([
      ['email', 'Adresse e-mail invalide.'],
      ['title', 'Ce champ est obligatoire.'],
      ['count', 'Valeur invalide : un nombre est attendu.'],
      ['role', 'Valeur non reconnue (attendu : admin, editor).'],
      ['tags', 'Au moins 2 éléments.'],
    ]);
    expect(messages(Form, { email: 'a@b.fr', title: 'abcdefgh', count: 1, role: 'admin', tags: ['a', 'b'] })).toEqual([
      ['title', 'Au plus 5 caractères.'],
      ['count', 'La valeur doit être au moins 2.'],
    ]);
  });

  it('say a missing field is required', () => {
    expect(messages(z.object({ name: z.string() }), {})).toEqual([['name', 'Ce champ est obligatoire.']]);
  });

  it('keep a schema’s own message', () => {
    expect(messages(z.string().min(3, 'Trois lettres au moins.'), 'a')).toEqual([['', 'Trois lettres au moins.']]);
  });
});

describe('field names', () => {
  it('are French, with positions counted from 1', () => {
    expect(fieldLabel(['email'])).toBe('adresse e-mail');
    expect(fieldLabel(['blocks', 1, 'title'])).toBe('blocs › 2 › titre');
    expect(fieldLabel(['blocks', '0'])).toBe('blocs › 1');
    expect(fieldLabel(['inconnu'])).toBe('inconnu');
  });

  it('lead the summary, with how many more to check', () => {
    expect(validationSummary([{ path: ['title'], message: 'Ce champ est obligatoire.' }])).toBe(
      '« titre » : Ce champ est obligatoire.',
    );
    const two = [
      { path: ['title'], message: 'Ce champ est obligatoire.' },
      { path: ['slug'], message: 'Format invalide.' },
      { path: ['body'], message: 'Format invalide.' },
    ];
    expect(validationSummary(two)).toBe('« titre » : Ce champ est obligatoire. (et 2 autres champs à vérifier)');
    expect(validationSummary([])).toBe('Certains champs ne sont pas valides.');
  });
});
