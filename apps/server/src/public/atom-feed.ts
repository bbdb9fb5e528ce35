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
};

export type AtomFeed = {
  url: string;
  selfUrl: string;
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
const link = (rel: string, type: string, href: string) =>
  `<link rel="${rel}" type="${type}" href="${escapeXml(href)}"/>`;

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
    '  </entry>',
  ];
}

export function renderAtomFeed(feed: AtomFeed): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(feed.language)}">`,
    `  ${element('id', feed.url)}`,
    `  ${element('title', feed.title, ' type="text"')}`,
    `  ${element('subtitle', feed.subtitle, ' type="text"')}`,
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
