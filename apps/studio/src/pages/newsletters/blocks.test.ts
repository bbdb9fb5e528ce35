import { describe, expect, it } from 'vitest';
import type { PublishedItem } from '@crieur/api';
import {
  BLOCK_TYPES,
  blockSummary,
  cardFrom,
  emptyBlock,
  errorsAt,
  fromStored,
  newKey,
  toPayload,
  type Block,
} from './blocks';

const published = (partial: Partial<PublishedItem> = {}): PublishedItem => ({
  id: 'a1',
  title: 'Le tirage au sort',
  lede: 'Une assemblée citoyenne tirée au sort.',
  url: 'https://example.org/articles/tirage-au-sort',
  publishedAt: '2026-03-01T08:00:00Z',
  ...partial,
});

describe('block types', () => {
  it('offers each type once, the edito first and the divider last', () => {
    expect(new Set(BLOCK_TYPES).size).toBe(BLOCK_TYPES.length);
    expect(BLOCK_TYPES).toHaveLength(11);
    expect(BLOCK_TYPES[0]).toBe('edito');
    expect(BLOCK_TYPES.at(-1)).toBe('divider');
  });
});

describe('newKey', () => {
  it('never gives the same key twice', () => {
    const keys = Array.from({ length: 50 }, () => newKey());
    expect(new Set(keys).size).toBe(50);
  });
});

describe('emptyBlock', () => {
  it('makes a block of every type, of that type', () => {
    for (const type of BLOCK_TYPES) expect(emptyBlock(type).type).toBe(type);
  });

  it('leaves the required fields empty and gives lists one empty row to fill', () => {
    expect(emptyBlock('article')).toEqual({ type: 'article', title: '', lede: '', url: '', rubrique: '' });
    expect(emptyBlock('button')).toEqual({ type: 'button', label: '', url: '' });
    expect(emptyBlock('divider')).toEqual({ type: 'divider' });
    expect(emptyBlock('agenda')).toEqual({
      type: 'agenda',
      title: 'Agenda',
      events: [{ title: '', date: '', place: '', url: '' }],
    });
    expect(emptyBlock('jobs')).toMatchObject({ offers: [{ title: '', organisation: '', place: '', url: '' }] });
    expect(emptyBlock('membersNews')).toMatchObject({ items: [{ title: '', text: '', url: '' }] });
  });

  it('starts each section with its usual heading, as readers will see it', () => {
    expect(emptyBlock('agenda')).toHaveProperty('title', 'Agenda');
    expect(emptyBlock('jobs')).toHaveProperty('title', 'Offres d’emploi');
    expect(emptyBlock('membersNews')).toHaveProperty('title', 'Les actualités de nos adhérent·es');
    expect(emptyBlock('richText')).toHaveProperty('title', '');
  });

  it('starts a text block with one empty paragraph', () => {
    expect(emptyBlock('richText')).toMatchObject({ doc: { type: 'doc', content: [{ type: 'paragraph' }] } });
  });

  it('gives each new block its own rows: filling one never fills another', () => {
    const first = emptyBlock('agenda');
    const second = emptyBlock('agenda');
    if (first.type !== 'agenda' || second.type !== 'agenda') throw new Error('agenda expected');
    first.events[0]!.title = 'Assemblée générale';
    expect(second.events[0]!.title).toBe('');
  });
});

describe('cardFrom', () => {
  it('fills an article card from a search result, rubrique and image included', () => {
    const item = published({ rubrique: 'Démocratie', image: { src: 'https://example.org/m/1.jpg', alt: 'Une urne' } });
    expect(cardFrom('article', item)).toEqual({
      type: 'article',
      title: 'Le tirage au sort',
      lede: 'Une assemblée citoyenne tirée au sort.',
      url: 'https://example.org/articles/tirage-au-sort',
      rubrique: 'Démocratie',
      image: { src: 'https://example.org/m/1.jpg', alt: 'Une urne' },
    });
  });

  it('leaves out what the result does not have', () => {
    expect(cardFrom('article', published())).toEqual({
      type: 'article',
      title: 'Le tirage au sort',
      lede: 'Une assemblée citoyenne tirée au sort.',
      url: 'https://example.org/articles/tirage-au-sort',
    });
  });

  it('makes a dossier card without a rubrique', () => {
    const card = cardFrom('dossier', published({ rubrique: 'Démocratie' }));
    expect(card.type).toBe('dossier');
    expect(card).not.toHaveProperty('rubrique');
  });
});

describe('toPayload', () => {
  it('drops empty optional fields, which the schema refuses', () => {
    expect(
      toPayload({ type: 'image', src: 'https://example.org/a.png', alt: 'Affiche', caption: ' ', url: '' }),
    ).toEqual({ type: 'image', src: 'https://example.org/a.png', alt: 'Affiche' });
    expect(toPayload({ type: 'sectionTitle', text: '' })).toEqual({ type: 'sectionTitle', text: '' });
  });

  it('keeps an empty address where it is required, so the preview can say it is missing', () => {
    expect(toPayload({ type: 'button', label: 'Adhérer', url: '' })).toEqual({
      type: 'button',
      label: 'Adhérer',
      url: '',
    });
    expect(toPayload(emptyBlock('article'))).toHaveProperty('url', '');
    expect(toPayload(emptyBlock('article'))).not.toHaveProperty('rubrique');
  });

  it('keeps an empty required title (card, event, offer, news item): the preview says it is empty, not missing', () => {
    expect(toPayload(emptyBlock('article'))).toHaveProperty('title', '');
    expect(toPayload(emptyBlock('dossier'))).toHaveProperty('title', '');
    const agenda = toPayload(emptyBlock('agenda')) as unknown as { events: object[] };
    expect(agenda.events[0]).toEqual({ title: '', date: '', place: '' });
    const jobs = toPayload(emptyBlock('jobs')) as unknown as { offers: object[] };
    expect(jobs.offers[0]).toEqual({ title: '', organisation: '', place: '', url: '' });
    const news = toPayload(emptyBlock('membersNews')) as unknown as { items: object[] };
    expect(news.items[0]).toEqual({ title: '', text: '' });
  });

  it('drops an image with neither address nor text, keeps a half-filled one', () => {
    const card = (image: { src: string; alt: string }): Block => ({
      type: 'dossier',
      title: 'Dossier',
      lede: 'Chapô',
      url: 'https://example.org/d',
      image,
    });
    expect(toPayload(card({ src: ' ', alt: '' }))).not.toHaveProperty('image');
    expect(toPayload(card({ src: '', alt: 'Une urne' }))).toHaveProperty('image', { src: '', alt: 'Une urne' });
  });

  it('prunes each row of the lists; an offer keeps its required address', () => {
    expect(
      toPayload({
        type: 'agenda',
        title: '',
        events: [{ title: 'AG', date: '2026-04-02', place: 'Paris', url: '' }],
      }),
    ).toEqual({ type: 'agenda', events: [{ title: 'AG', date: '2026-04-02', place: 'Paris' }] });
    expect(
      toPayload({ type: 'jobs', offers: [{ title: 'Chargé·e de mission', organisation: 'ICPC', place: '', url: '' }] }),
    ).toEqual({ type: 'jobs', offers: [{ title: 'Chargé·e de mission', organisation: 'ICPC', place: '', url: '' }] });
    expect(toPayload({ type: 'membersNews', items: [{ title: 'Bravo', text: 'Texte', url: ' ' }] })).toEqual({
      type: 'membersNews',
      items: [{ title: 'Bravo', text: 'Texte' }],
    });
  });

  it('does not change the block it was given', () => {
    const block: Block = { type: 'image', src: '', alt: '', caption: '' };
    toPayload(block);
    expect(block).toEqual({ type: 'image', src: '', alt: '', caption: '' });
  });
});

describe('fromStored', () => {
  it('keys every known block and drops what it cannot edit', () => {
    const stored = [{ type: 'divider' }, { type: 'poll', question: '?' }, null, 'text', { title: 'no type' }];
    const keyed = fromStored(stored);
    expect(keyed.map((item) => item.block)).toEqual([{ type: 'divider' }]);
    expect(keyed[0]!.key).toMatch(/^b\d+$/);
  });

  it('gives each block its own key', () => {
    const keyed = fromStored([{ type: 'divider' }, { type: 'divider' }, { type: 'divider' }]);
    expect(new Set(keyed.map((item) => item.key)).size).toBe(3);
  });

  it('fills in a missing list or document so the forms have something to show', () => {
    const keyed = fromStored([
      { type: 'agenda' },
      { type: 'jobs', offers: 'x' },
      { type: 'membersNews' },
      { type: 'edito' },
    ]);
    expect(keyed.map((item) => item.block)).toEqual([
      { type: 'agenda', events: [] },
      { type: 'jobs', offers: [] },
      { type: 'membersNews', items: [] },
      { type: 'edito', doc: { type: 'doc', content: [{ type: 'paragraph' }] } },
    ]);
  });

  it('keeps a stored document and rows as they are', () => {
    const doc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Bonjour' }] }] };
    const events = [{ title: 'AG', date: '2026-04-02', place: 'Paris' }];
    const keyed = fromStored([
      { type: 'richText', doc },
      { type: 'agenda', events },
    ]);
    expect(keyed[0]!.block).toEqual({ type: 'richText', doc });
    expect(keyed[1]!.block).toEqual({ type: 'agenda', events });
  });
});

describe('blockSummary', () => {
  it('names a block by its title, text, label or alternative text', () => {
    expect(blockSummary(cardFrom('article', published()))).toBe('Le tirage au sort');
    expect(blockSummary({ type: 'sectionTitle', text: 'À la une' })).toBe('À la une');
    expect(blockSummary({ type: 'button', label: 'Adhérer', url: 'https://example.org' })).toBe('Adhérer');
    expect(blockSummary({ type: 'image', src: 'x.png', alt: 'Une urne' })).toBe('Une urne');
    expect(blockSummary({ type: 'agenda', title: 'Rendez-vous', events: [] })).toBe('Rendez-vous');
  });

  it('is empty for a divider or a block without a title', () => {
    expect(blockSummary({ type: 'divider' })).toBe('');
    expect(blockSummary({ type: 'jobs', offers: [] })).toBe('');
  });
});

describe('errorsAt', () => {
  const errors = [
    { path: 'events.0.date', message: 'Date invalide' },
    { path: 'events.0', message: 'Événement incomplet' },
    { path: 'events.10.title', message: 'Titre manquant' },
    { path: 'title', message: 'Trop long' },
  ];

  it('collects the errors of a field and of what lies below it', () => {
    expect(errorsAt(errors, 'events.0')).toEqual(['Date invalide', 'Événement incomplet']);
    expect(errorsAt(errors, 'events')).toEqual(['Date invalide', 'Événement incomplet', 'Titre manquant']);
    expect(errorsAt(errors, 'title')).toEqual(['Trop long']);
  });

  it('does not mistake a field for another that starts the same way', () => {
    expect(errorsAt(errors, 'events.1')).toEqual([]);
    expect(errorsAt(errors, 'event')).toEqual([]);
  });
});
