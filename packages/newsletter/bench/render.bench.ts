// Campaign compile time, per-recipient personalisation cost and HTML size of a ~40 KB newsletter.
import { compileNewsletter, preparePersonaliser } from '../src/index.js';
import type { NewsletterContent } from '../src/index.js';
import { blocks, content, LIST_NAMES, membresNewsletter, PUBLIC_URL } from '../test/fixtures.js';

const print = (bench: string, value: number, unit: string) =>
  console.log(JSON.stringify({ bench, value: Number(value.toFixed(2)), unit }));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

// the realistic members newsletter plus a dossier, an image and a rich-text section: about 40 KB of HTML
const newsletter: NewsletterContent = content('membres', [
  ...membresNewsletter.blocks,
  blocks.dossier,
  blocks.image,
  blocks.richText,
]);
const options = { publicUrl: PUBLIC_URL, listName: LIST_NAMES.membres };

await compileNewsletter(newsletter, options); // warm-up: MJML loads its components on first use
const times: number[] = [];
let compiled = await compileNewsletter(newsletter, options);
for (let i = 0; i < 10; i++) {
  const start = performance.now();
  compiled = await compileNewsletter(newsletter, options);
  times.push(performance.now() - start);
}
print('newsletter.compile_ms', median(times), 'ms');

const personalise = preparePersonaliser(compiled);
const RECIPIENTS = 100_000;
const recipient = (i: number) => ({
  firstName: i % 10 === 0 ? '' : `Prénom${i}`,
  unsubscribeUrl: `https://crieur.example/unsubscribe/${i}-tok`,
  preferencesUrl: `https://crieur.example/preferences/${i}-tok`,
  webUrl: 'https://crieur.example/archive/printemps-2026',
});
for (let i = 0; i < 2000; i++) personalise(recipient(i));
let sink = 0;
const start = performance.now();
for (let i = 0; i < RECIPIENTS; i++) {
  const message = personalise(recipient(i));
  // charCodeAt flattens the joined string, as writing it to a socket would
  sink += message.html.charCodeAt(message.html.length - 1) + message.text.charCodeAt(message.text.length - 1);
}
const perRecipientUs = ((performance.now() - start) * 1000) / RECIPIENTS;
if (sink === 0) console.error('unexpected sink');
print('newsletter.personalise_us', perRecipientUs, 'µs');
print('newsletter.html_kb', compiled.bytes / 1024, 'KB');
