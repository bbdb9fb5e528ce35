import { describe, expect, it } from 'vitest';
import { blockIssuePlace, compileNewsletter, NewsletterBlock, NewsletterContent } from '../src/index.js';
import { PUBLIC_URL } from './fixtures.js';

const event = { title: 'Assemblée générale', date: '2026-04-02T18:30', place: 'Paris' };
const offer = { title: 'Chargé·e de concertation', organisation: 'ICPC', place: 'Lyon', url: 'https://icpc.example/o' };
const news = { title: 'Un nouveau collectif', text: 'Il lance sa fabrique citoyenne.' };
const content = (blocks: unknown[]) =>
  NewsletterContent.parse({ kind: 'membres', subject: 'Printemps', preheader: '', blocks });
const issuesOf = (block: unknown) => {
  const result = NewsletterBlock.safeParse(block);
  return result.success ? [] : result.error.issues.map((issue) => [issue.path.join('.'), issue.message]);
};

describe('section titles', () => {
  it('gives an agenda, job offers and members’ news saved with no title their default heading', () => {
    const { blocks } = content([
      { type: 'agenda', events: [event] },
      { type: 'jobs', offers: [offer] },
      { type: 'membersNews', items: [news] },
    ]);
    expect(blocks.map((block) => ('title' in block ? block.title : undefined))).toEqual([
      'Agenda',
      'Offres d’emploi',
      'Les actualités de nos adhérent·es',
    ]);
  });

  it('keeps a title staff typed, and adds none under a section title block that already heads the section', () => {
    const { blocks } = content([
      { type: 'agenda', title: 'Nos rendez-vous', events: [event] },
      { type: 'sectionTitle', text: 'Les actualités de nos adhérent·es' },
      { type: 'membersNews', items: [news] },
    ]);
    expect(blocks[0]).toMatchObject({ title: 'Nos rendez-vous' });
    expect(blocks[2]).not.toHaveProperty('title');
  });

  it('prints the default heading in the HTML and the text of the letter', async () => {
    const compiled = await compileNewsletter(
      content([
        { type: 'agenda', events: [event] },
        { type: 'jobs', offers: [offer] },
      ]),
      {
        publicUrl: PUBLIC_URL,
        listName: 'La lettre des membres',
      },
    );
    expect(compiled.html).toMatch(/>\s*Agenda\s*</);
    expect(compiled.html).toMatch(/>\s*Offres d’emploi\s*</);
    expect(compiled.text).toMatch(/AGENDA|Agenda/);
  });
});

describe('block messages', () => {
  it('says a missing field and an empty one alike, in French, without a process-wide locale', () => {
    expect(issuesOf({ type: 'article', lede: '', url: 'https://x.example/a' })).toEqual([
      ['title', 'Ce champ ne peut pas être vide'],
      ['lede', 'Ce champ ne peut pas être vide'],
    ]);
  });

  it('gives the date one message at a time', () => {
    const at = (date: string) => issuesOf({ type: 'agenda', events: [{ ...event, date }] });
    expect(at('')).toEqual([['events.0.date', 'Indiquez la date']]);
    expect(at('2 avril')).toEqual([['events.0.date', 'Date attendue au format AAAA-MM-JJ ou AAAA-MM-JJTHH:MM']]);
    expect(at('2026-02-30')).toEqual([['events.0.date', 'Cette date n’existe pas']]);
  });

  it('says in French that a list needs a row', () => {
    expect(issuesOf({ type: 'agenda', events: [] })).toEqual([['events', 'Ajoutez au moins un événement']]);
  });

  it('names the block and the field where an error lies', () => {
    expect(blockIssuePlace(2, 'agenda', 'events.0.date')).toBe('bloc 3 (Agenda), événement 1 › date');
    expect(blockIssuePlace(0, 'article', 'image.alt')).toBe('bloc 1 (Article), texte alternatif');
    expect(blockIssuePlace(1, 'jobs', 'offers')).toBe('bloc 2 (Offres d’emploi), offres');
    expect(blockIssuePlace(4, 'button', '')).toBe('bloc 5 (Bouton)');
    expect(blockIssuePlace(0, 'carousel', 'type')).toBe('bloc 1, type');
  });
});
