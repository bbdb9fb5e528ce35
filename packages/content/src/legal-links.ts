// The public paths of the legal pages (fixed by the contract): every email's footer links to them.
export const LEGAL_PATHS = { mentions: '/mentions-legales', privacy: '/confidentialite', contact: '/contact' } as const;

export type LegalLinks = { mentions: string; privacy: string };

/** The absolute URLs of « Mentions légales » and « Confidentialité » on the public site (PUBLIC_URL). */
export function legalLinks(publicUrl: string): LegalLinks {
  const base = publicUrl.replace(/\/+$/, '');
  return { mentions: `${base}${LEGAL_PATHS.mentions}`, privacy: `${base}${LEGAL_PATHS.privacy}` };
}
