// Items filled from contributions (issue 17): they carry their contributionId, offers their closing day; letters
// saved before stay valid.
import { describe, expect, it } from 'vitest';
import { AgendaEvent, compileNewsletter, JobOffer, MembersNewsItem, NewsletterBlock } from '../src/index.js';
import { renderBlockText } from '../src/render-block-text.js';
import { content, LIST_NAMES, PUBLIC_URL } from './fixtures.js';

const compile = (blocks: NewsletterBlock[]) =>
  compileNewsletter(content('membres', blocks), {
    publicUrl: PUBLIC_URL,
    listName: LIST_NAMES.membres,
    validation: 'strict',
  });

const id = '5b1c1a9e-2f4a-4c4e-9a0b-3f0e1d2c3b4a';
const offer = { title: 'Chargée de mission', organisation: 'Réseau', place: 'Lyon', url: 'https://exemple.org/o' };

describe('contribution items in the blocks', () => {
  it('keeps old items valid and takes a contributionId and a closing day', () => {
    expect(JobOffer.safeParse(offer).success).toBe(true);
    expect(JobOffer.parse({ ...offer, closesOn: '2027-03-12', contributionId: id })).toMatchObject({
      closesOn: '2027-03-12',
      contributionId: id,
    });
    expect(AgendaEvent.safeParse({ title: 'A', date: '2027-03-12', place: 'Lyon', contributionId: id }).success).toBe(
      true,
    );
    expect(MembersNewsItem.safeParse({ title: 'A', text: 'B', contributionId: id }).success).toBe(true);
  });

  it('refuses a closing day that does not exist and an id that is not one', () => {
    const bad = JobOffer.safeParse({ ...offer, closesOn: '2027-02-30' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('Cette date n’existe pas');
    expect(JobOffer.safeParse({ ...offer, closesOn: '12/03/2027' }).success).toBe(false);
    expect(JobOffer.safeParse({ ...offer, contributionId: 'x' }).success).toBe(false);
  });

  it('shows « Candidatures jusqu’au 12 mars » in the HTML and the text, and nothing without a date', async () => {
    const block = NewsletterBlock.parse({ type: 'jobs', offers: [{ ...offer, closesOn: '2027-03-12' }, offer] });
    const { html, text, mjmlErrors } = await compile([block]);
    expect(mjmlErrors).toEqual([]);
    expect(text).toContain('Candidatures jusqu’au 12\u00a0mars');
    expect(html).toContain('Candidatures jusqu’au 12\u00a0mars');
    expect(html.match(/Candidatures jusqu’au/g)).toHaveLength(1);
    expect(renderBlockText(block, 'https://exemple.org')).toContain('Candidatures jusqu’au 12\u00a0mars\nhttps://');
    const first = NewsletterBlock.parse({ type: 'jobs', offers: [{ ...offer, closesOn: '2027-04-01' }] });
    expect(renderBlockText(first, 'https://exemple.org')).toContain('jusqu’au 1er\u00a0avril');
  });
});
