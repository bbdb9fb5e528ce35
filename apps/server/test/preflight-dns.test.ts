// SPF and DMARC of the preflight, asked of a DNS server on loopback (mailauth evaluates the records).
import { generateKeyPairSync } from 'node:crypto';
import { createSocket } from 'node:dgram';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDnsResolve, type DnsResolve } from '@crieur/sending';
import { checkDkim } from '../../../packages/sending/src/preflight/dkim-check';
import { checkDmarc } from '../../../packages/sending/src/preflight/dmarc-check';
import { checkSpf } from '../../../packages/sending/src/preflight/spf-check';
import { startLoopbackDns, type LoopbackDns } from './support/loopback-dns';

describe('SPF and DMARC checks against a loopback DNS server', () => {
  let dns: LoopbackDns;
  let resolve: DnsResolve;

  beforeAll(async () => {
    dns = await startLoopbackDns({
      'example.test': { TXT: ['v=spf1 include:_spf.example.test -all'] },
      '_spf.example.test': { TXT: ['v=spf1 ip4:127.0.0.1 ip4:192.0.2.10 -all'] },
      '_dmarc.example.test': { TXT: ['v=DMARC1; p=quarantine; rua=mailto:dmarc@example.test'] },
      'mail.example.test': { A: ['192.0.2.10'] },
      'other.test': { TXT: ['v=spf1 ip4:198.51.100.7 ~all'] },
      'bulletin.example.test': {},
      'nodmarc.test': { TXT: ['v=spf1 ip4:127.0.0.1 -all'] },
    });
    resolve = createDnsResolve({ servers: [dns.server] });
  });
  afterAll(async () => dns.close());

  it('SPF covers the SMTP host, through include and by name', async () => {
    expect(
      await checkSpf({ envelopeDomain: 'example.test', sendingHost: { kind: 'smtp', host: '127.0.0.1' } }, resolve),
    ).toMatchObject({
      code: 'spf',
      level: 'ok',
    });
    const byName = await checkSpf(
      { envelopeDomain: 'example.test', sendingHost: { kind: 'smtp', host: 'mail.example.test' } },
      resolve,
    );
    expect(byName).toMatchObject({ level: 'ok', message: expect.stringContaining('192.0.2.10') });
  });

  it('SPF that leaves the host out warns and says what to add; no record warns; the outbox says it is for production', async () => {
    const uncovered = await checkSpf(
      { envelopeDomain: 'other.test', sendingHost: { kind: 'smtp', host: '127.0.0.1' } },
      resolve,
    );
    expect(uncovered).toMatchObject({ level: 'warning', message: expect.stringContaining('ip4:127.0.0.1') });
    const none = await checkSpf(
      { envelopeDomain: 'absent.test', sendingHost: { kind: 'smtp', host: '127.0.0.1' } },
      resolve,
    );
    expect(none).toMatchObject({ level: 'warning', message: expect.stringContaining('Aucun enregistrement SPF') });
    const outbox = await checkSpf({ envelopeDomain: 'example.test', sendingHost: { kind: 'outbox' } }, resolve);
    expect(outbox).toMatchObject({ level: 'ok', detail: expect.stringContaining('en production') });
  });

  it('DMARC present and aligned by DKIM or SPF (relaxed: a subdomain of the From domain aligns)', async () => {
    const viaDkim = await checkDmarc(
      { fromAddress: 'lettre@example.test', envelopeDomain: 'other.test', dkimDomain: 'bulletin.example.test' },
      resolve,
    );
    expect(viaDkim).toMatchObject({ code: 'dmarc', level: 'ok', message: expect.stringContaining('p=quarantine') });
    expect(viaDkim.message).toContain('DKIM');
    const viaSpf = await checkDmarc(
      { fromAddress: 'lettre@example.test', envelopeDomain: 'example.test', dkimDomain: undefined },
      resolve,
    );
    expect(viaSpf).toMatchObject({ level: 'ok', message: expect.stringContaining('SPF') });
  });

  it('DMARC missing or not aligned warns', async () => {
    const missing = await checkDmarc(
      { fromAddress: 'lettre@nodmarc.test', envelopeDomain: 'nodmarc.test', dkimDomain: undefined },
      resolve,
    );
    expect(missing).toMatchObject({ level: 'warning', message: expect.stringContaining('_dmarc.nodmarc.test') });
    const misaligned = await checkDmarc(
      { fromAddress: 'contact@example.test', envelopeDomain: 'other.test', dkimDomain: 'other.test' },
      resolve,
    );
    expect(misaligned).toMatchObject({ level: 'warning', message: expect.stringContaining('aligné') });
  });

  it('an unreachable DNS is a warning for SPF and DMARC', async () => {
    const down = createDnsResolve({ servers: ['127.0.0.1:9'] });
    const spf = await checkSpf(
      { envelopeDomain: 'example.test', sendingHost: { kind: 'smtp', host: '127.0.0.1' } },
      down,
    );
    expect(spf).toMatchObject({
      level: 'warning',
      message: expect.stringContaining('DNS injoignable'),
      detail: 'ECONNREFUSED',
    });
    const dmarc = await checkDmarc(
      { fromAddress: 'lettre@example.test', envelopeDomain: 'example.test', dkimDomain: undefined },
      down,
    );
    expect(dmarc).toMatchObject({ level: 'warning', message: expect.stringContaining('DNS injoignable') });
  });

  it('a DNS server that takes the questions and never answers: warnings within seconds, the dialog never hangs', async () => {
    const silent = createSocket('udp4');
    await new Promise<void>((resolve) => silent.bind(0, '127.0.0.1', resolve));
    try {
      const mute = createDnsResolve({ servers: [`127.0.0.1:${(silent.address() as AddressInfo).port}`] });
      const pem = generateKeyPairSync('rsa', { modulusLength: 2048 })
        .privateKey.export({ type: 'pkcs8', format: 'pem' })
        .toString();
      const started = Date.now();
      const items = await Promise.all([
        checkDkim({ domain: 'example.test', selector: 'sel', privateKey: pem }, mute),
        checkSpf({ envelopeDomain: 'example.test', sendingHost: { kind: 'smtp', host: 'smtp.example.test' } }, mute),
        checkDmarc(
          { fromAddress: 'lettre@example.test', envelopeDomain: 'example.test', dkimDomain: 'example.test' },
          mute,
        ),
      ]);
      // 2 s a question, one try: measured about 2.8 s here for the three checks together
      expect(Date.now() - started).toBeLessThan(6000);
      for (const item of items)
        expect(item).toMatchObject({ level: 'warning', message: expect.stringContaining('DNS injoignable') });
      expect(items[0]!.detail).toBe('ETIMEOUT');
    } finally {
      silent.close();
    }
  }, 20_000);
});
