// What a compiled letter points at: its links and its images, read with a real HTML parser.
import { Parser } from 'htmlparser2';

export type HtmlImage = { src: string; alt: string | null };
export type HtmlReferences = { links: string[]; images: HtmlImage[] };

export function htmlReferences(html: string): HtmlReferences {
  const links: string[] = [];
  const images: HtmlImage[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'a' && attributes.href !== undefined) links.push(attributes.href.trim());
        // an alt attribute present but empty is a decorative image; an absent one is a missing description
        if (name === 'img') images.push({ src: (attributes.src ?? '').trim(), alt: attributes.alt ?? null });
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return { links, images };
}

/** Addresses worth asking: http(s) only, once each; the personal placeholders are checked elsewhere. */
export function checkableUrls(urls: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const url of urls) {
    if (!/^https?:\/\//i.test(url) || url.includes('%%CRIEUR_')) continue;
    seen.add(url);
  }
  return [...seen];
}
