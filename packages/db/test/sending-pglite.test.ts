// `pnpm start` runs on PGlite: the ledger's SQL (sha256, unnest, SKIP LOCKED, CTEs) must work there too.
import { describe, expect, it } from 'vitest';
import {
  openDatabase,
  importRows,
  listIdsBySlugs,
  startCampaign,
  claimRecipients,
  recordOutcomes,
  finishCampaignIfDone,
  campaignProgress,
  sentCounts,
  pendingBatches,
  markClaimUncertain,
  currentRecipientStates,
} from '../src';
import { createTestCampaign } from '../src/testing';
describe('send ledger on PGlite', () => {
  it('freezes, claims, records and finishes a campaign', async () => {
    const d = await openDatabase({ inMemory: true });
    await d.migrate();
    const [l] = await listIdsBySlugs(d.db, ['membres']);
    await importRows(d.db, {
      listId: l!.id,
      legalBasis: 'consent',
      consentNote: null,
      actorId: null,
      importId: null,
      now: new Date(),
      dryRun: false,
      rows: [
        { line: 2, email: 'a@x.org', name: 'A' },
        { line: 3, email: 'b@x.org', name: 'B' },
      ],
    });
    const id = await createTestCampaign(d.db, { slug: 's', lists: ['membres'], subject: 'S', blocks: [] });
    const r = await startCampaign(d.db, {
      campaignId: id,
      now: new Date(),
      html: 'h',
      text: 't',
      batchSize: 10,
      messageIdDomain: 'x.org',
      actorId: null,
      expect: { statuses: ['draft'], version: 1 },
    });
    expect(r.recipientCount).toBe(2);
    expect((await pendingBatches(d.db)).length).toBe(1);
    const c = await claimRecipients(d.db, { campaignId: id, batch: 0, limit: 10, claimer: 'w', now: new Date() });
    expect(
      (
        await currentRecipientStates(d.db, {
          subscriberIds: c.map((x) => x.subscriberId),
          listIds: c.map((x) => x.listId),
        })
      ).size,
    ).toBe(2);
    await markClaimUncertain(d.db, { claimer: 'gone', now: new Date() });
    await recordOutcomes(d.db, {
      campaignId: id,
      claimer: 'w',
      now: new Date(),
      releaseRest: true,
      outcomes: c.map((x) => ({ subscriberId: x.subscriberId, status: 'sent', response: '250' })),
    });
    expect(await finishCampaignIfDone(d.db, { campaignId: id, now: new Date() })).toBe(true);
    expect((await campaignProgress(d.db, { campaignId: id, now: new Date() })).counts.sent).toBe(2);
    expect((await sentCounts(d.db, [id])).get(id)).toBe(2);
    await d.close();
  }, 60000);
});
