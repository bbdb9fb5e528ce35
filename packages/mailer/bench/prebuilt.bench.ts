// Per-recipient cost of a ~40 KB newsletter: the prebuilt MIME message against nodemailer building
// MIME for every message, and the DKIM signature. CPU only, no network.
import { generateKeyPairSync } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
// the bench reads a real compiled newsletter; @crieur/mailer itself never depends on @crieur/newsletter
import {
  compileNewsletter,
  PERSONAL_TOKENS,
  personalTokenValues,
  preparePersonaliser,
} from '../../newsletter/src/index.js';
import { blocks, content, LIST_NAMES, membresNewsletter, PUBLIC_URL } from '../../newsletter/test/fixtures.js';
import { buildMailOptions } from '../src/build-mail-options';
import { createDkimSigner, prepareCampaignMessage } from '../src/index';
import type { RenderOptions } from '../src/index';

const print = (bench: string, value: number, unit: string) =>
  console.log(JSON.stringify({ bench, value: Number(value.toFixed(2)), unit }));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

// the same newsletter as packages/newsletter/bench/render.bench.ts: about 40 KB of HTML
const newsletter = content('membres', [...membresNewsletter.blocks, blocks.dossier, blocks.image, blocks.richText]);
const compiled = await compileNewsletter(newsletter, { publicUrl: PUBLIC_URL, listName: LIST_NAMES.membres });
const campaign = {
  from: 'ICPC — lettre des membres <lettre@icpc.example>',
  replyTo: 'redaction@icpc.example',
  subject: 'La lettre des membres — printemps 2026 : démocratie alimentaire',
  list: { id: 'membres.icpc.example', name: 'Lettre des membres' },
};
const prepared = prepareCampaignMessage({
  ...campaign,
  html: compiled.html,
  text: compiled.text,
  unsubscribeMailto: 'desinscription@icpc.example',
  tokens: [...PERSONAL_TOKENS],
});
const personalise = preparePersonaliser(compiled);

const personal = (i: number) => ({
  firstName: i % 10 === 0 ? '' : `Prénom${i}`,
  unsubscribeUrl: `https://icpc.example/unsubscribe/${i}-tok`,
  preferencesUrl: `https://icpc.example/preferences/${i}-tok`,
  webUrl: 'https://icpc.example/archive/printemps-2026',
});
const date = new Date('2026-03-02T09:30:00Z');

// what the campaign worker does per recipient on the prebuilt path: values, then render
function prebuilt(i: number, options: RenderOptions = {}): Buffer {
  const values = personalTokenValues(personal(i));
  return prepared.render(
    {
      to: `r${i}@example.org`,
      messageId: `c1-${i}@icpc.example`,
      unsubscribeUrl: personal(i).unsubscribeUrl,
      date,
      htmlValues: values.html,
      textValues: values.text,
    },
    options,
  );
}

// the same message through nodemailer: personalise the strings, then build MIME
function nodemailerBuild(i: number): Promise<Buffer> {
  const { html, text } = personalise(personal(i));
  const options = buildMailOptions(
    {
      ...campaign,
      to: `r${i}@example.org`,
      html,
      text,
      kind: 'list',
      unsubscribe: { url: personal(i).unsubscribeUrl, mailto: 'desinscription@icpc.example' },
    },
    { messageId: `c1-${i}@icpc.example` },
  );
  return new MailComposer({ ...options, date }).compile().build();
}

/** µs per call: median of 5 rounds of n calls, after a warm-up round. */
async function measure(n: number, run: (i: number) => unknown): Promise<number> {
  const rounds: number[] = [];
  for (let round = 0; round < 6; round++) {
    const start = performance.now();
    for (let i = 0; i < n; i++) {
      const result = run(round * n + i);
      // only nodemailer's build is asynchronous: awaiting the others would time the microtask too
      if (result instanceof Promise) await result;
    }
    if (round > 0) rounds.push(((performance.now() - start) * 1000) / n);
  }
  return median(rounds);
}

const sample = prebuilt(1);
print('mailer.prebuilt_message_kb', sample.length / 1024, 'KB');
print('mailer.prebuilt_render_us', await measure(5000, prebuilt), 'µs');
print('mailer.nodemailer_compile_us', await measure(300, nodemailerBuild), 'µs');

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signer = createDkimSigner({
  domain: 'icpc.example',
  selector: 'crieur',
  privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
});
// signing any raw message: relaxed body hash over the whole body, then RSA-2048
print('mailer.dkim_sign_us', await measure(500, () => signer.sign(sample)), 'µs');
// values, render and signature together, the body hash taken from the prepared canonical parts
print('mailer.prebuilt_render_dkim_us', await measure(500, (i) => prebuilt(i, { dkim: signer })), 'µs');
