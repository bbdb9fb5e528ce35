import { describe, expect, it } from 'vitest';
import { NotADsnError, parseDsn } from './parse-dsn';

const dsn = (
  status: string,
  action: string,
  to = 'marie@example.org',
  messageId = 'c0ffee00-0000-4000-8000-000000000001.5e1f0000-0000-4000-8000-000000000002@lettre.example.org',
) =>
  [
    'From: MAILER-DAEMON@mx.example.net',
    'To: bounces@lettre.example.org',
    'Subject: Undelivered Mail Returned to Sender',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="B"',
    '',
    '--B',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    'I could not deliver your message.',
    '--B',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.example.net',
    'Arrival-Date: Mon, 4 May 2026 10:00:00 +0200',
    '',
    `Final-Recipient: rfc822; ${to}`,
    `Original-Recipient: rfc822;${to}`,
    `Action: ${action}`,
    `Status: ${status}`,
    'Diagnostic-Code: smtp; 550 5.1.1 <x>: Recipient address rejected:',
    '  User unknown in virtual mailbox table',
    '',
    '--B',
    'Content-Type: text/rfc822-headers',
    '',
    `Message-ID: <${messageId}>`,
    'Subject: La lettre',
    '',
    '--B--',
    '',
  ].join('\r\n');

describe('parseDsn', () => {
  it('reads a hard bounce with its recipient, status, folded diagnostic and the original Message-ID', async () => {
    const parsed = await parseDsn(dsn('5.1.1', 'failed'));
    expect(parsed.recipients).toEqual([
      {
        email: 'marie@example.org',
        action: 'failed',
        status: '5.1.1',
        kind: 'hard',
        diagnostic: 'smtp; 550 5.1.1 <x>: Recipient address rejected: User unknown in virtual mailbox table',
      },
    ]);
    expect(parsed.originalMessageId).toBe(
      'c0ffee00-0000-4000-8000-000000000001.5e1f0000-0000-4000-8000-000000000002@lettre.example.org',
    );
  });

  it('tells a soft bounce (4.x.x, delayed) from a hard one', async () => {
    expect((await parseDsn(dsn('4.2.2', 'delayed'))).recipients[0]?.kind).toBe('soft');
    expect((await parseDsn(dsn('4.4.7', 'failed'))).recipients[0]?.kind).toBe('soft');
  });

  it('refuses an ordinary message', async () => {
    await expect(parseDsn('From: a@b.c\r\nSubject: hi\r\n\r\nhello\r\n')).rejects.toBeInstanceOf(NotADsnError);
  });
  it('drops a recipient or Message-ID holding a control character: PostgreSQL would refuse a NUL', async () => {
    const report = await parseDsn(dsn('5.1.1', 'failed', 'marie@example.org', 'id\u0000x@lettre.example.org'));
    expect(report.recipients.map((r) => r.email)).toEqual(['marie@example.org']);
    expect(report.originalMessageId).toBeNull();
    await expect(parseDsn(dsn('5.1.1', 'failed', 'ma\u0000rie@example.org'))).rejects.toBeInstanceOf(NotADsnError);
  });
});
