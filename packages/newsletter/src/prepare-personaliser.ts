// Per recipient: only the placeholders change, so the compiled parts are split once and joined per call.
import type { CompiledNewsletter } from './compile-newsletter.js';
import { escapeHtml } from '@crieur/content';
import { PLACEHOLDERS } from './placeholders.js';
import type { PlaceholderName } from './placeholders.js';

export type PersonalValues = { firstName: string; unsubscribeUrl: string; preferencesUrl: string; webUrl: string };
export type Personaliser = (values: PersonalValues) => { html: string; text: string };

export class InvalidPersonalValueError extends Error {
  readonly code = 'INVALID_PERSONAL_VALUE';
  constructor(readonly field: PlaceholderName) {
    super(`Personal value ${field} must be an absolute http(s) URL without spaces or quotes`);
    this.name = 'InvalidPersonalValueError';
  }
}

const ORDER = ['firstName', 'unsubscribeUrl', 'preferencesUrl', 'webUrl'] as const satisfies readonly PlaceholderName[];
/** Every placeholder string the personaliser fills: what a MIME layer splicing values must look for. */
export const PERSONAL_TOKENS: readonly string[] = ORDER.map((name) => PLACEHOLDERS[name]);
const TOKEN = new RegExp(ORDER.map((name) => PLACEHOLDERS[name]).join('|'), 'g');
const INDEX = new Map<string, number>(ORDER.map((name, i) => [PLACEHOLDERS[name], i]));

/** Literal parts, and which value goes between part i and part i+1. */
type Split = { parts: readonly string[]; slots: readonly number[] };

function split(source: string): Split {
  const parts: string[] = [];
  const slots: number[] = [];
  let last = 0;
  for (const match of source.matchAll(TOKEN)) {
    parts.push(source.slice(last, match.index));
    slots.push(INDEX.get(match[0]) ?? 0);
    last = match.index + match[0].length;
  }
  parts.push(source.slice(last));
  return { parts, slots };
}

function join({ parts, slots }: Split, values: readonly string[]): string {
  let out = parts[0] ?? '';
  for (let i = 0; i < slots.length; i++) out += (values[slots[i] ?? 0] ?? '') + (parts[i + 1] ?? '');
  return out;
}

// control, bidi and zero-width characters could reorder or hide text around the name
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/gu;

function cleanName(name: string): string {
  return name.replace(INVISIBLE, ' ').replace(/\s+/g, ' ').trim().slice(0, 100).trim();
}

// eslint-disable-next-line no-control-regex -- a URL with a control character is refused
const SAFE_URL = /^https?:\/\/[^\s"'<>\\`\u0000-\u001f\u007f]+$/i;

function checkUrl(values: PersonalValues, field: 'unsubscribeUrl' | 'preferencesUrl' | 'webUrl'): string {
  const url = values[field];
  if (url.length > 2048 || !SAFE_URL.test(url)) throw new InvalidPersonalValueError(field);
  return url;
}

/** The cleaned and checked values in ORDER, for the text part (plain) and the HTML part (escaped). */
function orderedValues(values: PersonalValues): { html: string[]; text: string[] } {
  const name = cleanName(values.firstName);
  const urls = [checkUrl(values, 'unsubscribeUrl'), checkUrl(values, 'preferencesUrl'), checkUrl(values, 'webUrl')];
  const greeting = name === '' ? '' : ` ${name}`;
  const text = [greeting, ...urls];
  return { html: text.map(escapeHtml), text };
}

export type PersonalTokenValues = { html: Record<string, string>; text: Record<string, string> };

/** Placeholder string → its value, for a layer that splices values itself (the campaign's prebuilt MIME message). */
export function personalTokenValues(values: PersonalValues): PersonalTokenValues {
  const ordered = orderedValues(values);
  const html: Record<string, string> = {};
  const text: Record<string, string> = {};
  ORDER.forEach((name, i) => {
    html[PLACEHOLDERS[name]] = ordered.html[i] ?? '';
    text[PLACEHOLDERS[name]] = ordered.text[i] ?? '';
  });
  return { html, text };
}

export function preparePersonaliser(compiled: CompiledNewsletter): Personaliser {
  const html = split(compiled.html);
  const text = split(compiled.text);
  // fresh arrays per call: nothing of one recipient survives into the next
  return (values) => {
    const ordered = orderedValues(values);
    return { html: join(html, ordered.html), text: join(text, ordered.text) };
  };
}
