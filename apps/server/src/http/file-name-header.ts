import { stripForbiddenCharacters } from '@crieur/safe-text';

/** The x-file-name header as the person named the file: %-escapes decoded if well formed, no control characters. */
export function fileNameHeader(header: unknown, fallback: string): string {
  const raw = String(header ?? fallback);
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    // a malformed %-escape must not fail the upload: the name is kept as sent
  }
  return stripForbiddenCharacters(decoded).slice(0, 200) || fallback;
}
