// Per-recipient tokens left in the compiled campaign and filled by the personaliser.
//
// Why "%%CRIEUR_…%%": only "%", capital letters and "_" — characters that HTML escaping, MJML,
// XML attribute parsing and quoted-printable (which only encodes "=" and non-ASCII) all leave
// alone, and a sequence no article, URL or MJML output produces by chance. Content that holds
// "%%CRIEUR_" is refused by the block schemas, so a writer cannot forge a token. Each token is
// under 30 characters; a MIME layer that encodes the message once must still keep its soft line
// breaks out of a token (encode around them), since a "=\r\n" inside one would hide it.

export const PLACEHOLDERS = {
  /** Replaced by " Marie" (with its leading space) or by nothing, so the greeting reads "Bonjour Marie," or "Bonjour,". */
  firstName: '%%CRIEUR_FIRST_NAME%%',
  unsubscribeUrl: '%%CRIEUR_UNSUBSCRIBE_URL%%',
  preferencesUrl: '%%CRIEUR_PREFERENCES_URL%%',
  webUrl: '%%CRIEUR_WEB_URL%%',
} as const;

export type PlaceholderName = keyof typeof PLACEHOLDERS;

export const PLACEHOLDER_NAMES = Object.keys(PLACEHOLDERS) as PlaceholderName[];

/** The prefix every token starts with; content holding it is refused. */
export const RESERVED_TOKEN_PREFIX = '%%CRIEUR_';

export function holdsReservedToken(value: string): boolean {
  return value.includes(RESERVED_TOKEN_PREFIX);
}
