// What may be said of a failure outside the process: no query parameters, no quoted values,
// no address, no token. Names cannot be recognised, so the places that carry them are cut whole.

// drizzle's "Failed query: <sql>\nparams: <values>"; the SQL may inline values too
const FAILED_QUERY = /Failed query:[\s\S]*/g;
const ADDRESS = /[^\s<>"'(),;:@[\]\\]+@[^\s<>"'(),;:@[\]\\]+/g;
// our tokens are 32 random bytes in base64url (43 characters); uuids (36) and job ids stay readable
const TOKEN = /(?<![\w-])[A-Za-z0-9_-]{40,}(?![\w-])/g;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
// PostgreSQL quotes both identifiers and values: only a name after one of these words is kept
const KEYWORDS = 'constraint|relation|column|table|index|type|encoding|function|schema|sequence|view|trigger|role';
const QUOTED = new RegExp(`(\\b(?:${KEYWORDS})\\s+)?"([^"]*)"`, 'gi');
const IDENTIFIER = /^[A-Za-z_][\w.$]{0,62}$/;

export function scrubText(text: string): string {
  return text
    .replace(FAILED_QUERY, 'Failed query […]')
    .replace(QUOTED, (match, keyword: string | undefined, inner: string) =>
      keyword && IDENTIFIER.test(inner) ? match : `${keyword ?? ''}"…"`,
    )
    .replace(ADDRESS, '[address]')
    .replace(TOKEN, (match) => (UUID.test(match) ? match : '[token]'));
}
