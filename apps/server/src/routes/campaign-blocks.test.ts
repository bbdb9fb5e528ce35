import { describe, expect, it } from 'vitest';
import { DraftBlocks } from '@crieur/api';
import { checkBlocks, checkFields } from './campaign-blocks';

const article = {
  type: 'article',
  title: 'À Grenoble',
  lede: 'Un budget participatif.',
  url: 'https://democraties.example/articles/grenoble',
};

describe('campaign blocks', () => {
  it('keeps an unfinished block for autosave but refuses an unknown type', () => {
    expect(DraftBlocks.safeParse([{ type: 'article', title: '' }]).success).toBe(true);
    expect(DraftBlocks.safeParse([{ type: 'video' }]).success).toBe(false);
    expect(DraftBlocks.safeParse(['text']).success).toBe(false);
    expect(DraftBlocks.safeParse(Array.from({ length: 61 }, () => ({ type: 'divider' }))).success).toBe(false);
  });

  it('refuses more than 512 KB of blocks', () => {
    expect(DraftBlocks.safeParse([{ type: 'richText', doc: 'x'.repeat(530_000) }]).success).toBe(false);
  });

  it('names the block index and field of each error, and keeps the valid blocks', () => {
    const { valid, errors } = checkBlocks([
      article,
      { type: 'article', title: 'Sans chapô', lede: '', url: 'javascript:alert(1)' },
      { type: 'divider' },
    ]);
    expect(valid.map((b) => b.type)).toEqual(['article', 'divider']);
    expect(errors.map((e) => [e.index, e.path])).toEqual([
      [1, 'lede'],
      [1, 'url'],
    ]);
    expect(errors[0]!.message).toBe('Ce champ ne peut pas être vide');
    expect(errors[0]!.where).toBe('bloc 2 (Article), chapô');
  });

  it('names the block and the field of an agenda row, with one message for the date', () => {
    const { errors } = checkBlocks([
      { type: 'agenda', title: 'Agenda', events: [{ title: 'AG', date: '', place: 'Paris' }] },
    ]);
    expect(errors).toEqual([
      { index: 0, path: 'events.0.date', message: 'Indiquez la date', where: 'bloc 1 (Agenda), événement 1 › date' },
    ]);
  });

  it('counts an empty edito as unfinished', () => {
    const { valid, errors } = checkBlocks([{ type: 'edito', doc: { type: 'doc', content: [{ type: 'paragraph' }] } }]);
    expect(valid).toEqual([]);
    expect(errors).toEqual([
      { index: 0, path: 'doc', message: 'Écrivez le texte de ce bloc ou retirez-le', where: 'bloc 1 (Édito), texte' },
    ]);
  });

  it('checks the subject in French', () => {
    expect(checkFields({ kind: 'membres', subject: ' ', preheader: '' })).toEqual([
      { path: 'subject', message: 'L’objet est obligatoire' },
    ]);
    expect(checkFields({ kind: 'membres', subject: 'Printemps', preheader: '' })).toEqual([]);
  });
});
