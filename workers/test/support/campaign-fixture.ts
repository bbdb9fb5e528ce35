import { randomUUID } from 'node:crypto';
import { importRows, listIdsBySlugs, type Db } from '@crieur/db';
import { createTestCampaign } from '@crieur/db/testing';

export const BLOCKS = [
  { type: 'sectionTitle', text: 'Les actualités de nos adhérent·es' },
  {
    type: 'article',
    title: 'Concertation : ce que disent les habitant·es',
    lede: 'Un retour de terrain sur trois mois de débats publics.',
    url: 'https://democraties.example/articles/concertation',
  },
  { type: 'button', label: 'Lire démocratieS', url: 'https://democraties.example/' },
];

/** `count` confirmed subscribers r0…r{count-1}@<domain> on the list, in bulk. */
export async function seedSubscribers(
  db: Db,
  input: { list: string; count: number; domain?: string; now: Date },
): Promise<string[]> {
  const [list] = await listIdsBySlugs(db, [input.list]);
  const domain = input.domain ?? 'example.org';
  const emails = Array.from({ length: input.count }, (_, i) => `r${i}@${domain}`);
  for (let i = 0; i < emails.length; i += 5000) {
    const rows = emails.slice(i, i + 5000).map((email, j) => ({ line: i + j + 2, email, name: `Prénom${i + j} Nom` }));
    await importRows(db, {
      listId: list!.id,
      legalBasis: 'consent',
      rows,
      consentNote: null,
      actorId: null,
      importId: null,
      now: input.now,
      dryRun: false,
    });
  }
  return emails;
}

export const createDraftCampaign = (db: Db, input: { lists: string[]; subject?: string }) =>
  createTestCampaign(db, {
    slug: `test-${randomUUID().slice(0, 8)}`,
    lists: input.lists,
    subject: input.subject ?? 'La lettre des membres',
    preheader: 'Au sommaire',
    blocks: BLOCKS,
  });
