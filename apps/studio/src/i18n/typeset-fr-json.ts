// Typesets fr.json in place with the one French typography function: `pnpm exec tsx apps/studio/src/i18n/typeset-fr-json.ts`.
// Run it after adding French strings; typeset-catalog.test.ts fails until it has been run.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { typesetCatalogue, untypesetStrings, type Catalogue } from './typeset-catalog';

const path = fileURLToPath(new URL('./fr.json', import.meta.url));
const catalogue = JSON.parse(readFileSync(path, 'utf8')) as Catalogue;
const changed = untypesetStrings(catalogue).length;
writeFileSync(path, `${JSON.stringify(typesetCatalogue(catalogue), null, 2)}\n`);
console.log(`fr.json: ${changed} string(s) typeset`);
