// One compile for preview, test send and send: the same content, lists and settings give the same bytes.
import { mediaForEmail, type Db } from '@crieur/db';
import {
  compileNewsletter,
  NewsletterContent,
  type CompiledNewsletter,
  type NewsletterTemplates,
} from '@crieur/newsletter';
import { readCampaignLook } from './campaign-look';
import { letterMediaIds } from './letter-media';

export type CampaignToCompile = {
  kind: string;
  subject: string;
  preheader: string;
  blocks: readonly unknown[];
  lists: readonly { name: string }[];
};
export type CompileSettings = {
  publicUrl: string;
  templates?: NewsletterTemplates | undefined;
  /** where the letter's media sizes are read (without it images show at the column's width, with no height) */
  db?: Db | undefined;
};

/** The campaign cannot go out as it is: what to fix, block by block. */
export class CampaignNotReadyError extends Error {
  readonly code = 'CAMPAIGN_NOT_READY';
  constructor(readonly problems: { path: string; message: string }[]) {
    super(
      `La campagne n’est pas prête : ${problems.map((p) => (p.path ? `${p.path} : ${p.message}` : p.message)).join(' ; ')}`,
    );
    this.name = 'CampaignNotReadyError';
  }
}

/** The name the letter's footer gives its lists: every list of the campaign, as the real send joins them. */
export const listNameOf = (lists: readonly { name: string }[]) => lists.map((l) => l.name).join(' » et « ');

/** Strict compile of a campaign as it will be sent; throws CampaignNotReadyError with every problem found. */
export async function compileCampaign(
  campaign: CampaignToCompile,
  settings: CompileSettings,
  validation: 'strict' | 'soft' = 'strict',
): Promise<CompiledNewsletter> {
  const problems: { path: string; message: string }[] = [];
  if (campaign.lists.length === 0) problems.push({ path: 'lists', message: 'choisissez au moins une liste' });
  const content = NewsletterContent.safeParse({
    kind: campaign.kind,
    subject: campaign.subject,
    preheader: campaign.preheader,
    blocks: campaign.blocks,
  });
  if (!content.success)
    for (const issue of content.error.issues) problems.push({ path: issue.path.join('.'), message: issue.message });
  if (problems.length > 0 || !content.success) throw new CampaignNotReadyError(problems);
  const mediaIds = letterMediaIds(content.data.blocks, settings.publicUrl);
  const media = settings.db && mediaIds.length > 0 ? await mediaForEmail(settings.db, mediaIds) : {};
  // the newsletter's stored branding and the association's identity (studio settings)
  const look = settings.db ? await readCampaignLook(settings.db, content.data.kind, settings) : {};
  return compileNewsletter(content.data, {
    publicUrl: settings.publicUrl,
    listName: listNameOf(campaign.lists),
    media,
    ...look,
    validation,
    ...(settings.templates ? { templates: settings.templates } : {}),
  });
}
