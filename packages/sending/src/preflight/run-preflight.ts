// The checklist before "Envoyer": the letter as it will be sent, its headers, its links and the sender's DNS.
import type { SenderDefaults } from '@crieur/mailer';
import { mailFromAddress, senderOf } from '@crieur/mailer';
import {
  blockIssuePlace,
  NewsletterMjmlError,
  type CompiledNewsletter,
  type NewsletterTemplates,
} from '@crieur/newsletter';
import { contributionDates, parisDayOf, type Db } from '@crieur/db';
import { CampaignNotReadyError, compileCampaign, type CampaignToCompile } from '../compile-campaign';
import { carriedContributionIds, checkContributionDates } from './contribution-dates-check';
import { checkDkim, type DkimSetting } from './dkim-check';
import { checkDmarc } from './dmarc-check';
import type { DnsResolve } from './dns-resolver';
import { checkableUrls, htmlReferences } from './html-references';
import type { LinkProbe } from './http-probe';
import { checkImageAlt } from './image-alt-check';
import { checkLinks } from './link-check';
import { block, byLevel, type PreflightItem } from './preflight-item';
import { checkSize } from './size-check';
import { checkSpf, type SendingHost } from './spf-check';
import { checkPreheader, checkSubject } from './subject-checks';
import { checkListUnsubscribe, checkUnsubscribeLink } from './unsubscribe-check';

export type PreflightCampaign = CampaignToCompile & {
  slug: string;
  fromName: string;
  replyTo: string;
  lists: readonly { id: number; slug: string; name: string }[];
};

export type PreflightDeps = {
  publicUrl: string;
  mailFrom: string;
  organisation?: SenderDefaults | null | undefined;
  dkim: DkimSetting | undefined;
  sendingHost: SendingHost;
  resolve: DnsResolve;
  /** absent: links are not asked */
  probe?: LinkProbe | undefined;
  /** the send's own check: only what can block (no links, SPF or DMARC, which only ever warn) */
  blockingOnly?: boolean;
  templates?: NewsletterTemplates | undefined;
  /** the compile reads the stored branding, identity and media sizes through it, as the real send does */
  db?: Db | undefined;
  /** when « now » is, for past events and closed offers (a warning: not part of the send's own check) */
  now?: Date | undefined;
};

export type PreflightReport = {
  items: PreflightItem[];
  /** what the strict compile refused: the send answers CAMPAIGN_NOT_READY with these, as before the preflight */
  notReady: CampaignNotReadyError | null;
};

const blockOfPath = (path: string) => {
  const m = /^blocks\.(\d+)/.exec(path);
  return m ? Number(m[1]) : undefined;
};

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

// the subject and alt text checks say it better than the schema's message: one line each, not two; a block's
// problem says where it lies in staff's words (« Bloc 3 (Agenda), événement 1 › date »), never its data path
function compileProblems(
  error: CampaignNotReadyError,
  blocks: readonly unknown[],
  said: { subject: boolean; altBlocks: Set<number> },
): PreflightItem[] {
  return error.problems
    .filter((p) => !(said.subject && p.path === 'subject'))
    .filter((p) => !(/(^|\.)alt$/.test(p.path) && said.altBlocks.has(blockOfPath(p.path) ?? -1)))
    .map((p) => {
      const blockIndex = blockOfPath(p.path);
      const type = blockIndex === undefined ? undefined : (blocks[blockIndex] as { type?: unknown } | undefined)?.type;
      const place =
        blockIndex === undefined
          ? ''
          : `${capitalised(blockIssuePlace(blockIndex, type, p.path.split('.').slice(2).join('.')))}\u00a0: `;
      const message = `${place}${place ? p.message : capitalised(p.message)}.`.replace(/\.\.$/, '.');
      return block('content-invalid', message, blockIndex === undefined ? {} : { blockIndex });
    });
}

export async function runPreflight(campaign: PreflightCampaign, deps: PreflightDeps): Promise<PreflightReport> {
  const items: PreflightItem[] = [];
  const subject = checkSubject(campaign.subject);
  items.push(subject, checkPreheader(campaign.preheader));

  let compiled: CompiledNewsletter | null = null;
  let notReady: CampaignNotReadyError | null = null;
  try {
    compiled = await compileCampaign(campaign, { publicUrl: deps.publicUrl, templates: deps.templates, db: deps.db });
  } catch (error) {
    if (error instanceof CampaignNotReadyError) notReady = error;
    // a layout MJML refuses is the templates' fault, not the writer's
    else if (error instanceof NewsletterMjmlError)
      notReady = new CampaignNotReadyError([
        { path: '', message: 'La mise en page de la lettre est invalide\u00a0: prévenez l’équipe technique' },
      ]);
    else throw error;
  }
  const refs = compiled ? htmlReferences(compiled.html) : null;
  const alt = checkImageAlt(campaign.blocks, refs?.images ?? null);
  items.push(...alt);
  if (notReady)
    items.push(
      ...compileProblems(notReady, campaign.blocks, {
        subject: subject.level === 'block',
        altBlocks: new Set(alt.flatMap((a) => (a.blockIndex === undefined ? [] : [a.blockIndex]))),
      }),
    );
  if (compiled && refs) {
    items.push(checkUnsubscribeLink(refs.links));
    items.push(
      checkListUnsubscribe(
        { ...campaign, lists: [...campaign.lists], html: compiled.html, text: compiled.text, webToken: null },
        { publicUrl: deps.publicUrl, mailFrom: deps.mailFrom, organisation: deps.organisation ?? null },
      ),
    );
    items.push(checkSize(compiled.bytes));
  }

  const envelopeDomain = (mailFromAddress(deps.mailFrom).split('@')[1] ?? '').toLowerCase();
  const fromAddress = mailFromAddress(
    senderOf({ mailFrom: deps.mailFrom, organisation: deps.organisation ?? null }).from,
  );
  const urls = refs && deps.probe ? checkableUrls([...refs.links, ...refs.images.map((i) => i.src)]) : null;
  if (deps.blockingOnly) {
    items.push(await checkDkim(deps.dkim, deps.resolve));
    return { items: byLevel(items), notReady };
  }
  const [dkim, spf, dmarc, links] = await Promise.all([
    checkDkim(deps.dkim, deps.resolve),
    checkSpf({ envelopeDomain, sendingHost: deps.sendingHost }, deps.resolve),
    checkDmarc({ fromAddress, envelopeDomain, dkimDomain: deps.dkim?.domain }, deps.resolve),
    urls && deps.probe ? checkLinks(urls, deps.probe, campaign.blocks) : Promise.resolve([]),
  ]);
  items.push(dkim, spf, dmarc, ...links);
  if (deps.now) items.push(...(await contributionDatesCheck(campaign.blocks, deps.now, deps.db)));
  return { items: byLevel(items), notReady };
}

async function contributionDatesCheck(blocks: readonly unknown[], now: Date, db: Db | undefined) {
  const ids = carriedContributionIds(blocks);
  const found = db && ids.length > 0 ? await contributionDates(db, ids) : [];
  const contributions = new Map(found.map((c) => [c.id, { endsAt: c.endsAt, closesOn: c.closesOn }]));
  return checkContributionDates(blocks, { now, today: parisDayOf(now), contributions });
}

/** Short French names of what a warning was about, for the audit log's « Envoyé malgré\u00a0: … ». */
export const PREFLIGHT_LABELS: Record<PreflightItem['code'], string> = {
  'content-invalid': 'lettre incomplète',
  'image-alt': 'image sans texte alternatif',
  'unsubscribe-link': 'lien de désinscription',
  'list-unsubscribe': 'en-tête de désinscription',
  subject: 'objet',
  preheader: 'texte d’aperçu',
  size: 'lettre trop lourde',
  links: 'lien cassé',
  spf: 'SPF',
  dkim: 'DKIM',
  dmarc: 'DMARC',
  'contribution-dates': 'événement passé ou offre close',
};
