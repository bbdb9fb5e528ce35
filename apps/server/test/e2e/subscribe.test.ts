import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSubscriberDetail, searchSubscribers } from '@crieur/db';
import { type Harness } from '../harness';
import type { SmtpSink } from '../smtp-sink';
import { startMailWorld, type MailWorld } from '../mail-world';
import { shoot } from './browser';
import { startE2e, type E2eWorld } from './start-e2e';

/** The reader's subscriptions and events as the studio sees them. */
async function ledger(h: Harness, email: string) {
  const { subscribers } = await searchSubscribers(h.database.db, { q: email, limit: 1 });
  const detail = await getSubscriberDetail(h.database.db, subscribers[0]!.id);
  return {
    subscriptions: detail!.subscriptions.map((s) => ({
      list: s.list.slug,
      status: s.sub.status,
      source: s.sub.consentSource,
      textVersion: s.sub.consentTextVersion,
      hasIp: s.sub.consentIp !== null,
    })),
    events: detail!.events.map((e) => ({ type: e.e.type, source: e.e.source, list: e.list })).reverse(),
  };
}

describe('a reader subscribes, confirms and leaves (Chromium, SMTP, PostgreSQL, Redis)', () => {
  let world: E2eWorld;
  let h: Harness;
  let base: string;
  let browser: BrowserContext;
  let sink: SmtpSink;
  let mailWorld: MailWorld;

  beforeAll(async () => {
    world = await startE2e();
    ({ h, base, browser } = world);
    mailWorld = await startMailWorld(h, { publicUrl: base });
    sink = mailWorld.sink;
  });
  afterAll(async () => {
    await mailWorld?.close();
    await world?.close();
  });

  it('subscribe → confirmation email → confirm → welcome → one-click unsubscribe from the List-Unsubscribe header', async () => {
    h.clock.now = new Date();
    const page = await browser.newPage();
    await page.goto(`${base}/subscribe`);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(
      await page
        .getByRole('checkbox')
        .evaluateAll((boxes) => boxes.map((b) => (b as unknown as { checked: boolean }).checked)),
    ).toEqual([false, false]);
    await page.getByLabel('Adresse e-mail').fill('lea.martin@example.org');
    await page.getByLabel(/Prénom ou nom/).fill('Léa <b>Martin</b>');
    await page.getByLabel(/Lettre de démocratieS/).check();
    await shoot(page, 'public-subscribe.png');
    await page.getByRole('button', { name: 'M’abonner' }).click();
    await page.getByRole('heading', { name: 'Vérifiez votre boîte mail' }).waitFor();

    const [confirmation] = await sink.waitFor(1);
    expect(confirmation!.to).toEqual(['lea.martin@example.org']);
    expect(confirmation!.parsed.headers.get('auto-submitted')).toBe('auto-generated');
    expect(confirmation!.parsed.headers.get('list-unsubscribe')).toBeUndefined();
    expect(confirmation!.raw).not.toContain('Martin'); // no user-supplied text in the confirmation
    const confirmUrl = confirmation!.parsed.text!.match(/https?:\/\/\S+\/confirm\/[A-Za-z0-9_-]+/)![0];
    expect(confirmation!.parsed.html).toContain(confirmUrl);

    const lea = 'lea.martin@example.org';
    expect((await ledger(h, lea)).subscriptions).toMatchObject([{ list: 'democraties', status: 'pending' }]);

    await page.goto(confirmUrl); // a link scanner's GET confirms nothing
    expect((await ledger(h, lea)).subscriptions).toMatchObject([{ status: 'pending' }]);
    await page.getByRole('button', { name: 'Confirmer mon inscription' }).click();
    await page.getByRole('heading', { name: 'Inscription confirmée' }).waitFor();
    expect((await ledger(h, lea)).subscriptions).toEqual([
      { list: 'democraties', status: 'confirmed', source: 'form', textVersion: 'subscribe-2026-11', hasIp: true },
    ]);

    const welcome = (await sink.waitFor(2))[1]!;
    const header = String(
      welcome.parsed.headers.get('list-unsubscribe') ??
        welcome.parsed.headerLines.find((l) => l.key === 'list-unsubscribe')?.line ??
        '',
    );
    const unsubscribeUrl =
      header.match(/<(https?:\/\/[^>]+)>/)?.[1] ?? header.match(/https?:\/\/\S+\/unsubscribe\/[A-Za-z0-9_-]+/)![0];
    expect(welcome.raw).toMatch(/List-Unsubscribe-Post: List-Unsubscribe=One-Click/);

    // RFC 8058: a bare POST, no cookie, no CSRF token, answered 200 without redirect
    const res = await fetch(unsubscribeUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
      redirect: 'manual',
    });
    expect(res.status).toBe(200);
    const again = await fetch(unsubscribeUrl, {
      method: 'POST',
      body: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(again.status).toBe(200);

    // the welcome email's preferences link shows the choice, on a phone too
    const preferencesUrl = welcome.parsed.text!.match(/https?:\/\/\S+\/preferences\/[A-Za-z0-9_-]+/)![0];
    const phone = await browser.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(preferencesUrl);
    expect(await phone.getByLabel(/Lettre de démocratieS/).isChecked()).toBe(false);
    await phone.getByLabel(/Lettre des membres/).check();
    await phone.getByRole('button', { name: 'Enregistrer mes choix' }).click();
    await phone.getByText('Vos choix sont enregistrés.').waitFor();
    await shoot(phone, 'public-preferences-mobile.png');

    const final = await ledger(h, lea);
    expect(final.subscriptions).toMatchObject([
      { list: 'membres', status: 'confirmed', source: 'form' },
      { list: 'democraties', status: 'unsubscribed' },
    ]);
    expect(final.events).toEqual([
      { type: 'subscribed', source: 'form', list: 'democraties' },
      { type: 'confirmed', source: 'form', list: 'democraties' },
      { type: 'unsubscribed', source: 'email', list: 'democraties' },
      { type: 'confirmed', source: 'form', list: 'membres' },
    ]);
  }, 120_000);
});
