// Reads a send error into what the ledger decision needs, without the server's text (it may quote the address).
import type { SendFailure } from './decide-failure';

// nodemailer's stage names before the message body: a failure there cannot have delivered anything
const BEFORE_DATA = new Set(['CONN', 'EHLO', 'HELO', 'LHLO', 'STARTTLS', 'AUTH', 'AUTH PLAIN', 'AUTH LOGIN', 'AUTH XOAUTH2', 'AUTH CRAM-MD5', 'MAIL FROM', 'RCPT TO']);
const CONNECTION_CODES = new Set(['ECONNECTION', 'EDNS', 'ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'EAUTH', 'ETLS']);

const field = (error: unknown, key: string): unknown => (typeof error === 'object' && error !== null ? (error as Record<string, unknown>)[key] : undefined);

export function toSendFailure(error: unknown): SendFailure {
  const code = field(error, 'code');
  const smtpCode = typeof code === 'number' ? code : undefined;
  const enhanced = field(error, 'enhancedCode');
  const enhancedCode = typeof enhanced === 'string' ? enhanced : undefined;
  const command = field(error, 'command');
  const errorCode = field(error, 'errorCode') ?? (typeof code === 'string' ? code : undefined);
  const beforeData = (typeof command === 'string' && BEFORE_DATA.has(command.toUpperCase())) || (typeof errorCode === 'string' && CONNECTION_CODES.has(errorCode));
  const reason = smtpCode !== undefined ? `${smtpCode}${enhancedCode ? ` ${enhancedCode}` : ''}` : `${typeof errorCode === 'string' ? errorCode : 'no reply'}${typeof command === 'string' ? ` at ${command}` : ''}`;
  return {
    code: smtpCode,
    enhancedCode,
    suppress: field(error, 'suppress') === true,
    maybeDelivered: smtpCode === undefined && !beforeData,
    reason,
  };
}
