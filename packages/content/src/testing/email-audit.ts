// Test support: the accessibility and deliverability rules every email we send must pass, on its final HTML.
import { colord, extend } from 'colord';
import a11yPlugin from 'colord/plugins/a11y';
import { Parser } from 'htmlparser2';

extend([a11yPlugin]);

export type EmailAuditIssue = { rule: string; detail: string };

/** Link texts that do not say where the link goes, compared lower-cased, apostrophes straightened, no end dots. */
const VAGUE_LINK_TEXTS = new Set([
  'ici',
  'cliquez ici',
  'cliquer ici',
  'cliquez',
  'lien',
  'lire la suite',
  'la suite',
  'suite',
  'lire plus',
  'voir plus',
  'plus',
  'en savoir plus',
  'savoir plus',
  'lire l’article',
  "lire l'article",
  'découvrir',
  'voir',
]);

const MIN_CONTRAST = 4.5;
const MIN_TAP_HEIGHT = 44;

type Style = Record<string, string>;

type Frame = {
  name: string;
  attrs: Record<string, string>;
  color: string;
  background: string;
  fontSize: number;
  /** a multiplier ("1.6") or px ("24px"), as CSS inherits it */
  lineHeight: string;
  hidden: boolean;
  hasTh: boolean;
  linkText: string[];
};

function parseStyle(style: string | undefined): Style {
  const out: Style = {};
  for (const declaration of (style ?? '').split(';')) {
    const at = declaration.indexOf(':');
    if (at < 0) continue;
    out[declaration.slice(0, at).trim().toLowerCase()] = declaration
      .slice(at + 1)
      .replace(/!important/i, '')
      .trim();
  }
  return out;
}

/** The colour a `background` shorthand sets, if any of its words is one. */
function backgroundColour(value: string | undefined): string | null {
  if (!value) return null;
  if (colord(value).isValid()) return value;
  return value.split(/\s+/).find((word) => colord(word).isValid()) ?? null;
}

function px(value: string | undefined, fontSize: number): number | null {
  if (!value) return null;
  const m = /^(-?\d*\.?\d+)(px|em|%)?$/.exec(value.trim());
  if (!m) return null;
  const n = Number(m[1]);
  if (m[2] === 'em') return n * fontSize;
  if (m[2] === '%') return (n / 100) * fontSize;
  return n;
}

/** Top and bottom padding from `padding` and its longhands, in px. */
function verticalPadding(style: Style, fontSize: number): number {
  const parts = (style.padding ?? '0').split(/\s+/).map((part) => px(part, fontSize) ?? 0);
  const top = px(style['padding-top'], fontSize) ?? parts[0] ?? 0;
  const bottom = px(style['padding-bottom'], fontSize) ?? parts[2] ?? parts[0] ?? 0;
  return top + bottom;
}

function lineHeightPx(lineHeight: string, fontSize: number): number {
  const trimmed = lineHeight.trim();
  if (/^\d*\.?\d+$/.test(trimmed)) return Number(trimmed) * fontSize;
  return px(trimmed, fontSize) ?? fontSize * 1.2;
}

const normalise = (text: string) =>
  text
    .replace(/\s+/g, ' ')
    .replace(/[’']/g, '’')
    .replace(/[\s.…:→›»>]+$/u, '')
    .trim()
    .toLowerCase();

function checkImage(attrs: Record<string, string>, issues: EmailAuditIssue[]) {
  const src = attrs.src ?? '';
  if (attrs.alt === undefined) issues.push({ rule: 'img-alt', detail: `<img src="${src}"> has no alt attribute` });
  const url = URL.canParse(src) ? new URL(src) : null;
  if (!url || !/^https?:$/.test(url.protocol))
    issues.push({ rule: 'img-src', detail: `<img src="${src}"> is not an absolute http(s) URL` });
  else if (/\.webp$/i.test(url.pathname) || /(?:^|[?&])(?:format|fm)=webp\b/i.test(url.search))
    issues.push({ rule: 'img-src', detail: `<img src="${src}"> is WebP, which Outlook does not show` });
}

/**
 * Audits an email's final HTML: lang, layout tables, heading order, image alt and source, text contrast, link texts
 * and the tap height of button-like links. Returns [] when all is well, else one issue per finding.
 */
export function auditEmailHtml(html: string): EmailAuditIssue[] {
  const issues: EmailAuditIssue[] = [];
  const seenContrast = new Set<string>();
  const root: Frame = {
    name: '#root',
    attrs: {},
    color: '#000000',
    background: '#ffffff',
    fontSize: 16,
    lineHeight: '1.2',
    hidden: false,
    hasTh: false,
    linkText: [],
  };
  const stack: Frame[] = [root];
  let lang: string | null = null;
  let h1Count = 0;
  let previousLevel = 1;
  const top = () => stack[stack.length - 1] ?? root;
  const openLinks = () => stack.filter((frame) => frame.name === 'a');

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const parent = top();
        const style = parseStyle(attrs.style);
        const fontSize = px(style['font-size'], parent.fontSize) ?? parent.fontSize;
        const background = backgroundColour(style['background-color']) ?? backgroundColour(style.background);
        const colour = style.color && colord(style.color).isValid() ? style.color : null;
        const frame: Frame = {
          name,
          attrs,
          color: colour ?? parent.color,
          background:
            background ?? (attrs.bgcolor && colord(attrs.bgcolor).isValid() ? attrs.bgcolor : parent.background),
          fontSize,
          lineHeight: style['line-height'] ?? parent.lineHeight,
          hidden:
            parent.hidden ||
            style.display === 'none' ||
            style.opacity === '0' ||
            style['mso-hide'] === 'all' ||
            style['max-height'] === '0px',
          hasTh: false,
          linkText: [],
        };
        if (name === 'html') lang = attrs.lang ?? '';
        if (name === 'th') for (const f of stack) if (f.name === 'table') f.hasTh = true;
        const heading = /^h([1-6])$/.exec(name);
        if (heading) {
          const level = Number(heading[1]);
          if (level === 1) h1Count += 1;
          if (level > previousLevel + 1)
            issues.push({ rule: 'heading-order', detail: `<h${level}> follows <h${previousLevel}>` });
          previousLevel = level;
        }
        if (name === 'img') {
          checkImage(attrs, issues);
          for (const link of openLinks()) link.linkText.push(attrs.alt ?? '');
        }
        if (name === 'a' && attrs.href !== undefined && !frame.hidden) {
          const buttonLike = /inline-block|block/.test(style.display ?? '') || background !== null;
          if (buttonLike) {
            const height = lineHeightPx(frame.lineHeight, fontSize) + verticalPadding(style, fontSize);
            if (height < MIN_TAP_HEIGHT)
              issues.push({ rule: 'tap-target', detail: `<a href="${attrs.href}"> is ${height.toFixed(1)} px high` });
          }
        }
        stack.push(frame);
      },
      ontext(text) {
        const frame = top();
        for (const link of openLinks()) link.linkText.push(text);
        if (frame.hidden || text.trim() === '' || ['style', 'title', 'script'].includes(frame.name)) return;
        const ratio = colord(frame.color).contrast(frame.background);
        const key = `${frame.color}/${frame.background}`;
        if (ratio < MIN_CONTRAST && !seenContrast.has(key)) {
          seenContrast.add(key);
          issues.push({
            rule: 'contrast',
            detail: `${frame.color} on ${frame.background} is ${ratio.toFixed(2)}:1 ("${text.trim().slice(0, 40)}")`,
          });
        }
      },
      onclosetag(name) {
        // pop to the matching frame: an implied close (void element, stray tag) never unbalances the stack
        const at = stack.map((f) => f.name).lastIndexOf(name);
        if (at <= 0) return;
        const closed = stack.splice(at);
        for (const frame of closed.reverse()) {
          if (frame.name === 'table' && !frame.hasTh && frame.attrs.role !== 'presentation')
            issues.push({ rule: 'layout-table-role', detail: '<table> without th has no role="presentation"' });
          if (frame.name === 'a' && frame.attrs.href !== undefined && !frame.hidden) {
            const name = normalise(frame.attrs['aria-label'] ?? frame.linkText.join(''));
            if (name === '' || VAGUE_LINK_TEXTS.has(name))
              issues.push({
                rule: 'link-text',
                detail: `<a href="${frame.attrs.href}"> says "${name}", not where it goes`,
              });
          }
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();

  if (lang === null) issues.push({ rule: 'lang', detail: 'no <html> element' });
  else if (!/^fr\b/i.test(lang)) issues.push({ rule: 'lang', detail: `<html lang="${lang}"> is not French` });
  if (h1Count > 1) issues.push({ rule: 'heading-order', detail: `${h1Count} <h1>, at most one expected` });
  return issues;
}
