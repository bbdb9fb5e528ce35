// @crieur/content/testing: what tests of every package share (the XSS corpus, the email audit).
export * from './xss-corpus.js';
export { auditEmailHtml } from './email-audit.js';
export type { EmailAuditIssue } from './email-audit.js';
