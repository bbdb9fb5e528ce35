import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { configureFrenchValidation, fieldLabel, validationSummary } from './french-issues';

configureFrenchValidation();

const NNBSP = '\u202F';
const NBSP = '\u00A0';

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
      ['count', `Valeur invalide${NBSP}: un nombre est attendu.`],
      ['role', `Valeur non reconnue (attendu${NBSP}: admin, editor).`],
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

  it('are in French typography, zod’s own French messages too, addresses left as typed', () => {
    expect(messages(z.object({ kind: z.literal('a') }), { kind: 'b' })).toEqual([
      ['kind', `Valeur non reconnue (attendu${NBSP}: a).`],
    ]);
    expect(messages(z.object({}).strict(), { "l'x": 1 })).toEqual([['', `Champ inconnu${NBSP}: l’x.`]]);
    // a zod message no rule of ours words (here a multiple of 5): zod's French locale, typeset
    expect(messages(z.number().multipleOf(5), 7)).toEqual([['', `Nombre invalide${NBSP}: doit être un multiple de 5`]]);
  });

  it('name a field whose message a handler wrote, typeset, keeping an address as written', () => {
    expect(validationSummary([{ path: ['email'], message: "L'adresse jean.o'neil@example.org : déjà prise !" }])).toBe(
      `«${NNBSP}adresse e-mail${NNBSP}»${NBSP}: L’adresse jean.o'neil@example.org${NBSP}: déjà prise${NNBSP}!`,
    );
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
      `«${NNBSP}titre${NNBSP}»${NBSP}: Ce champ est obligatoire.`,
    );
    const two = [
      { path: ['title'], message: 'Ce champ est obligatoire.' },
      { path: ['slug'], message: 'Format invalide.' },
      { path: ['body'], message: 'Format invalide.' },
    ];
    expect(validationSummary(two)).toBe(
      `«${NNBSP}titre${NNBSP}»${NBSP}: Ce champ est obligatoire. (et 2 autres champs à vérifier)`,
    );
    expect(validationSummary([])).toBe('Certains champs ne sont pas valides.');
  });
});
