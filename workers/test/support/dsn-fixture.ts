/** A delivery status notification (RFC 3464) as a bounce handler would receive it. */
export function dsnMessage(input: {
  to: string;
  status: string;
  action: 'failed' | 'delayed';
  messageId?: string;
}): string {
  return [
    'From: MAILER-DAEMON@mx.example.net',
    'To: lettre@lettre.example.org',
    'Subject: Undelivered Mail Returned to Sender',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="B"',
    '',
    '--B',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    'This is the mail system. I could not deliver your message.',
    '--B',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.example.net',
    '',
    `Final-Recipient: rfc822; ${input.to}`,
    `Action: ${input.action}`,
    `Status: ${input.status}`,
    `Diagnostic-Code: smtp; ${input.status.startsWith('5') ? '550' : '452'} ${input.status} mailbox problem`,
    '',
    '--B',
    'Content-Type: text/rfc822-headers',
    '',
    ...(input.messageId ? [`Message-ID: <${input.messageId}>`] : []),
    'Subject: La lettre des membres',
    '',
    '--B--',
    '',
  ].join('\r\n');
}
