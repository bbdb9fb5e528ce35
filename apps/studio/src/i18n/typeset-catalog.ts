// The French catalogue is typeset once, in the file itself, by the same function the site and the emails use:
// what fr.json says is what staff see, and typeset-catalog.test.ts keeps every new string typeset.
import { frenchTypography } from '@crieur/content/typography';

// i18next placeholders ({{name}}, {{count, number}}) and nesting ($t(key)) stand for text typed elsewhere
const PLACEHOLDER = /\{\{[^{}]*\}\}|\$t\([^()]*\)/gu;
// a placeholder reads as a number to the rules: "{{percent}} %" keeps its sign, "{{hours}} h {{minutes}}" stays whole
const TOKEN = (index: number) => `00${String.fromCharCode(0xe100 + index)}00`;
const TOKEN_PATTERN = /00([\uE100-\uE1FF])00/gu;

/** One catalogue template typeset as French text; its placeholders come out byte for byte. */
export function typesetTemplate(template: string): string {
  const placeholders: string[] = [];
  const masked = template.replace(PLACEHOLDER, (match) => {
    placeholders.push(match);
    return TOKEN(placeholders.length - 1);
  });
  if (placeholders.length > 0x100) return frenchTypography(template);
  return frenchTypography(masked).replace(
    TOKEN_PATTERN,
    (token, mark: string) => placeholders[mark.charCodeAt(0) - 0xe100] ?? token,
  );
}

export type Catalogue = { [key: string]: string | Catalogue };

/** Every string of a catalogue typeset; keys and nesting unchanged. */
export function typesetCatalogue<T extends Catalogue>(catalogue: T): T {
  return Object.fromEntries(
    Object.entries(catalogue).map(([key, value]) => [
      key,
      typeof value === 'string' ? typesetTemplate(value) : typesetCatalogue(value),
    ]),
  ) as T;
}

/** The strings a typesetting would change, as [dotted key, as written, as it should read]. */
export function untypesetStrings(catalogue: Catalogue, prefix = ''): [string, string, string][] {
  return Object.entries(catalogue).flatMap(([key, value]): [string, string, string][] => {
    if (typeof value !== 'string') return untypesetStrings(value, `${prefix}${key}.`);
    const typeset = typesetTemplate(value);
    return typeset === value ? [] : [[`${prefix}${key}`, value, typeset]];
  });
}
