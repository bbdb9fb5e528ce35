// Atom 1.0 written here, not by a library: each text construct says what it holds, each value is escaped once.

import { frenchTypography } from '@crieur/content';

export type AtomEntry = {
  /** Absolute URL of the article: its id and its link. */
  url: string;
  /** Plain text: sent as type="text", so a feed reader never reads it as markup. */
  title: string;
  summary: string;
  /** The rendered body (HTML with absolute addresses), escaped into a type="html" content. */
  html: string;
  authors: string[];
  categories: string[];
  updated: Date;
  published: Date | null;
  /** The cover, as an enclosure and as Media RSS content (feed readers show one or the other). */
  image?: AtomImage | null;
};

/** An image every feed reader can show: an absolute address of a JPEG (or PNG) file, its size and alt text. */
export type AtomImage = {
  url: string;
  type: 'image/jpeg' | 'image/png';
  /** bytes of the file, when known (Atom's enclosure length is advisory) */
  length?: number;
  width: number;
  height: number;
  alt: string;
  credit: string;
};

export type AtomFeed = {
  url: string;
  selfUrl: string;
  /** Plain text, like the entries' titles. */
  title: string;
  subtitle: string;
  author: string;
  rights: string;
  language: string;
  updated: Date;
  entries: AtomEntry[];
};

// characters XML 1.0 forbids (controls, lone surrogates, U+FFFE): one of them would make the whole feed unreadable
const NOT_XML = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes for XML text and attribute values alike. */
export function escapeXml(value: string): string {
  return value.replace(NOT_XML, '').replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

const element = (name: string, value: string, attrs = '') => `<${name}${attrs}>${escapeXml(value)}</${name}>`;
const author = (name: string) => `<author>${element('name', name)}</author>`;
const link = (rel: string, type: string, href: string, extra = '') =>
  `<link rel="${rel}" type="${type}" href="${escapeXml(href)}"${extra}/>`;
const MEDIA_RSS = 'http://search.yahoo.com/mrss/';

// Atom's enclosure for readers that download it, Media RSS for those that show a picture beside the entry
function image(i: AtomImage): string[] {
  const known = i.length !== undefined;
  const size = ` width="${i.width}" height="${i.height}"${known ? ` fileSize="${i.length}"` : ''}`;
  // title: the alt text, for readers that show the enclosure alone
  const extra = `${known ? ` length="${i.length}"` : ''}${i.alt ? ` title="${escapeXml(i.alt)}"` : ''}`;
  return [
    `    ${link('enclosure', i.type, i.url, extra)}`,
    `    <media:content url="${escapeXml(i.url)}" medium="image" type="${i.type}"${size}>`,
    ...(i.alt ? [`      ${element('media:description', i.alt, ' type="plain"')}`] : []),
    ...(i.credit ? [`      ${element('media:credit', frenchTypography(i.credit))}`] : []),
    '    </media:content>',
  ];
}

function entry(e: AtomEntry): string[] {
  return [
    '  <entry>',
    `    ${element('id', e.url)}`,
    `    ${element('title', frenchTypography(e.title), ' type="text"')}`,
    `    ${link('alternate', 'text/html', e.url)}`,
    ...(e.published ? [`    ${element('published', e.published.toISOString())}`] : []),
    `    ${element('updated', e.updated.toISOString())}`,
    ...e.authors.map((name) => `    ${author(name)}`),
    ...e.categories.map((term) => `    <category term="${escapeXml(term)}"/>`),
    ...(e.summary ? [`    ${element('summary', frenchTypography(e.summary), ' type="text"')}`] : []),
    // type="html": the reader decodes this text once and gets the HTML the reader site shows
    `    ${element('content', e.html, ' type="html"')}`,
    // after Atom's content: parsers that match «content» without its namespace must find Atom's first
    ...(e.image ? image(e.image) : []),
    '  </entry>',
  ];
}

export function renderAtomFeed(feed: AtomFeed): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="${MEDIA_RSS}" xml:lang="${escapeXml(feed.language)}">`,
    // the page's address: each feed has its own page, and the site feed's id stays what readers already know
    `  ${element('id', feed.url)}`,
    `  ${element('title', frenchTypography(feed.title), ' type="text"')}`,
    `  ${element('subtitle', frenchTypography(feed.subtitle), ' type="text"')}`,
    `  ${link('alternate', 'text/html', feed.url)}`,
    `  ${link('self', 'application/atom+xml', feed.selfUrl)}`,
    `  ${element('updated', feed.updated.toISOString())}`,
    // entries without a named author fall back on this one (Atom requires an author)
    `  ${author(feed.author)}`,
    `  ${element('rights', feed.rights, ' type="text"')}`,
    ...feed.entries.flatMap(entry),
    '</feed>',
    '',
  ].join('\n');
}
