import { encodeWord, isPlainText, quoteString } from 'nodemailer/lib/mime-funcs';

function mailtoUrl(mailto: string): string {
  return mailto.toLowerCase().startsWith('mailto:') ? mailto : `mailto:${mailto}`;
}

/** RFC 2919 List-Id value: the list name as a phrase, then its id in brackets. */
export function listIdValue(list: { id: string; name: string }): string {
  // words of at most 52 characters, so a long name still folds under 78
  const phrase = isPlainText(list.name) ? quoteString(list.name) : encodeWord(list.name, 'Q', 52);
  return `${phrase} <${list.id}>`;
}

/** RFC 2369 List-Unsubscribe value: the https target first (RFC 8058 one-click), then the mailto one. */
export function listUnsubscribeValue(url: string, mailto?: string): string {
  return [url, ...(mailto ? [mailtoUrl(mailto)] : [])].map((target) => `<${target}>`).join(', ');
}
