// The reader site's typefaces, served by this server (no third party sees readers): Source Serif 4 for reading,
// Source Sans 3 for the interface; latin and latin-ext only, variable weight, woff2, read from the packages once.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
// one @font-face of a fontsource stylesheet: its file (latin or latin-ext, weight axis) and unicode range
const FACE =
  /url\(\.\/files\/([a-z0-9-]+-latin(?:-ext)?-wght-(normal|italic)\.woff2)\)[^;]*;\s*unicode-range:\s*([^;]+);/g;

/** `url`: carries the package's version, so a file never changes under one address (cached as immutable). */
export type FontFace = { family: string; style: 'normal' | 'italic'; url: string; range: string; path: string };

const PACKAGES = [
  { pkg: '@fontsource-variable/source-serif-4', family: 'Source Serif 4', sheets: ['wght.css', 'wght-italic.css'] },
  { pkg: '@fontsource-variable/source-sans-3', family: 'Source Sans 3', sheets: ['wght.css'] },
];

/** Every latin / latin-ext face of the packages' own stylesheets, with the unicode range they declare. */
function readFaces(): FontFace[] {
  return PACKAGES.flatMap(({ pkg, family, sheets }) =>
    sheets.flatMap((sheet) => {
      const version = (require(`${pkg}/package.json`) as { version: string }).version;
      const file = require.resolve(`${pkg}/${sheet}`);
      const css = readFileSync(file, 'utf8');
      return [...css.matchAll(FACE)].map((m) => ({
        family,
        style: m[2] as 'normal' | 'italic',
        url: `/fonts/${version}/${m[1]!}`,
        range: m[3]!.trim(),
        path: path.join(path.dirname(file), 'files', m[1]!),
      }));
    }),
  );
}

export const FONT_FACES = readFaces();

/** The text face readers see first: preloaded so the article does not reflow when it arrives. */
export const PRELOADED_FONT = FONT_FACES.find((f) => f.url.endsWith('/source-serif-4-latin-wght-normal.woff2'))!.url;

export const FONT_CSS = FONT_FACES.map(
  (f) =>
    `@font-face{font-family:"${f.family}";font-style:${f.style};font-weight:200 900;font-display:swap;` +
    `src:url(${f.url}) format("woff2");unicode-range:${f.range}}`,
).join('\n');
