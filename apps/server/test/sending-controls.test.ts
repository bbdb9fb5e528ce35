// Around sending: schedules held when too late, the bounce intake, and the queue dashboard's access.
import { Redis } from 'ioredis';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignProgress, findSuppression } from '@crieur/db';
import { setServerWait } from '@crieur/db/testing';
import { batchQueue, createSendJournal } from '@crieur/queue';
import { reconcileCampaigns } from '@crieur/sending';
import { createDraftCampaign, seedSubscribers } from '../../../workers/test/support/campaign-fixture';
import { dsnMessage } from '../../../workers/test/support/dsn-fixture';
import { startHarness, type Client, type Harness } from './harness';
import { frenchTypography as fr } from '@crieur/content/typography';

const TOKEN = 'b'.repeat(40);

describe('schedules, bounces and the queue dashboard (PostgreSQL, Redis)', () => {
  let h: Harness;
  let sender: Client;
  let admin: Client;
  let connection: Redis;

  beforeAll(async () => {
    h = await startHarness({ env: { BOUNCE_TOKEN: TOKEN, PUBLIC_URL: 'https://democraties.example' } });
    connection = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
    sender = h.client();
    admin = h.client();
    expect((await sender.login((await h.createStaff('sender')).email)).statusCode).toBe(200);
    expect((await admin.login((await h.createStaff('admin')).email)).statusCode).toBe(200);
    await seedSubscribers(h.database.db, { list: 'membres', count: 5, now: h.clock.now });
  });
  afterAll(async () => {
    connection.disconnect();
    await h.close();
  });

  const reconcileAt = (now: Date) =>
    reconcileCampaigns({
      db: h.database.db,
      queue: batchQueue(h.campaignQueue),
      journal: createSendJournal(connection, h.prefix),
      transport: { probe: async () => undefined },
      logger: pino({ level: 'silent' }),
      now: () => now,
      publicUrl: 'https://democraties.example',
      mailFrom: 'lettre@lettre.example.org',
      livenessTtlMs: 2000,
      lateMs: 60 * 60_000,
    });

  it('a schedule must be in the future; one that comes due starts, one found hours late is held for a human', async () => {
    const onTime = await createDraftCampaign(h.database.db, { lists: ['membres'] });
    const late = await createDraftCampaign(h.database.db, { lists: ['membres'] });
    const at = new Date(h.clock.now.getTime() + 3600_000);
    const past = await sender.request('POST', `/api/campaigns/${onTime}/schedule`, {
      at: new Date(h.clock.now.getTime() - 1000).toISOString(),
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().error).toMatchObject({
      code: 'VALIDATION',
      message: fr('« date » : Choisissez un moment à venir.'),
      issues: [{ path: 'at', message: 'Choisissez un moment à venir.' }],
    });
    const vague = await sender.request('POST', `/api/campaigns/${onTime}/schedule`, { at: 'demain matin' });
    expect(vague.json().error).toMatchObject({
      code: 'VALIDATION',
      message: fr('« date » : Date et heure attendues, par exemple 2026-03-12T09:30:00+01:00.'),
    });
    expect((await sender.request('POST', '/api/campaigns/pas-un-uuid/pause', {})).json().error.message).toBe(
      fr('« identifiant » : Identifiant invalide.'),
    );
    const lateAt = new Date(at.getTime() + 3 * 3600_000);
    expect(
      (await sender.request('POST', `/api/campaigns/${onTime}/schedule`, { at: at.toISOString() })).json().progress
        .status,
    ).toBe('scheduled');
    expect(
      (await sender.request('POST', `/api/campaigns/${late}/schedule`, { at: lateAt.toISOString() })).json().progress
        .status,
    ).toBe('scheduled');
    // on time: a minute after the hour
    const first = await reconcileAt(new Date(at.getTime() + 60_000));
    expect(first.started).toBe(1);
    expect((await campaignProgress(h.database.db, { campaignId: onTime, now: h.clock.now })).status).toBe('sending');
    // the system "was down" three hours past the other one's time
    const second = await reconcileAt(new Date(lateAt.getTime() + 2 * 3600_000));
    expect(second.held).toBe(1);
    const held = await campaignProgress(h.database.db, { campaignId: late, now: h.clock.now });
    expect(held.status).toBe('held');
    expect(held.pauseReason).toMatch(/L’heure prévue est passée depuis 120 min/);
    // a human decides: send now
    expect((await sender.request('POST', `/api/campaigns/${late}/send`, {})).json()).toMatchObject({
      started: true,
      status: 'sending',
    });
  });

  it('a campaign waiting for its mail server says why, since when, the next try (ISO); staff may pause', async () => {
    const id = await createDraftCampaign(h.database.db, { lists: ['membres'] });
    expect((await sender.request('POST', `/api/campaigns/${id}/send`, {})).json().progress.serverWait).toBeNull();
    const since = new Date(h.clock.now.getTime() - 90_000);
    const next = new Date(h.clock.now.getTime() + 30_000);
    const reason = 'Le serveur d’envoi refuse ou ne répond pas (connect ECONNREFUSED 127.0.0.1:2525).';
    await setServerWait(h.database.db, { campaignId: id, reason, since, nextProbeAt: next });
    const wait = { reason, since: since.toISOString(), nextProbeAt: next.toISOString() };
    const res = await sender.request('GET', `/api/campaigns/${id}/progress`);
    expect(res.statusCode).toBe(200);
    expect(res.json().progress).toMatchObject({ status: 'sending', serverWait: wait });
    // the list and the campaign show the wait too: "En attente du serveur d'envoi" rather than "Envoi en cours"
    const listed = (await sender.request('GET', '/api/campaigns?status=sending')).json().campaigns;
    expect(listed.find((c: { id: string }) => c.id === id)).toMatchObject({ status: 'sending', serverWait: wait });
    expect((await sender.request('GET', `/api/campaigns/${id}`)).json().campaign.serverWait).toEqual(wait);
    // a pause by staff keeps the wait; both are said
    const paused = await sender.request('POST', `/api/campaigns/${id}/pause`, {});
    expect(paused.json().progress).toMatchObject({ status: 'paused', serverWait: wait });
  });

  it('a sent campaign cannot be paused, a draft cannot be resumed: 409 with the state', async () => {
    const id = await createDraftCampaign(h.database.db, { lists: ['membres'] });
    const res = await sender.request('POST', `/api/campaigns/${id}/resume`, {});
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'CAMPAIGN_STATE', status: 'draft' });
  });

  it('a campaign that cannot go out says what to fix', async () => {
    const id = await createDraftCampaign(h.database.db, { lists: ['membres'], subject: ' ' });
    const res = await sender.request('POST', `/api/campaigns/${id}/send`, {});
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('CAMPAIGN_NOT_READY');
    expect(res.json().error.problems).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'subject' })]));
  });

  it('takes delivery reports only with the bearer token; a hard bounce suppresses and names its campaign', async () => {
    const report = dsnMessage({
      to: 'r1@example.org',
      status: '5.1.1',
      action: 'failed',
      messageId: `${'c0ffee00-0000-4000-8000-000000000001'}.${'5e1f0000-0000-4000-8000-000000000002'}@lettre.example.org`,
    });
    const post = (auth: string | undefined, payload: string) =>
      h.app.inject({
        method: 'POST',
        url: '/inbound/bounces',
        headers: { 'content-type': 'message/rfc822', ...(auth ? { authorization: auth } : {}) },
        payload,
      });
    expect((await post(undefined, report)).statusCode).toBe(401);
    expect((await post(`Bearer ${'c'.repeat(40)}`, report)).statusCode).toBe(401);
    expect((await post(`Bearer ${TOKEN}`, 'Subject: hi\r\n\r\nhello\r\n')).statusCode).toBe(422);
    const ok = await post(`Bearer ${TOKEN}`, report);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().recorded).toEqual([
      { kind: 'hard', status: '5.1.1', known: true, suppressed: true, campaign: false },
    ]);
    expect(await findSuppression(h.database.db, 'r1@example.org')).toMatchObject({ reason: 'hard_bounce' });
    expect(h.logLines.join('\n')).not.toContain('r1@example.org');
  });

  it('serves the queue dashboard to admins only', async () => {
    const anonymous = await h.app.inject({ method: 'GET', url: '/studio/queues' });
    expect(anonymous.statusCode).toBe(302);
    expect((await sender.request('GET', '/studio/queues')).statusCode).toBe(403);
    const page = await admin.request('GET', '/studio/queues');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Files d’attente des envois');
    expect(page.body).not.toContain('Crieur');
    const api = await admin.request('GET', '/studio/queues/api/queues');
    expect(api.statusCode).toBe(200);
    expect(JSON.stringify(api.json())).toContain('campaigns');
  });
});
