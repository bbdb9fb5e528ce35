import {
  GMAIL_CLIP_BYTES,
  NewsletterMjmlError,
  preparePersonaliser,
  type CompiledNewsletter,
  type MjmlIssue,
  type NewsletterKind,
  type NewsletterTemplates,
  type PersonalValues,
} from '@crieur/newsletter';
import type { Db } from '@crieur/db';
import { CampaignNotReadyError, compileCampaign, type CampaignToCompile } from '@crieur/sending';
import { TEST_LINK_TOKEN } from '../public/test-link-page';
import { checkBlocks, checkFields, type BlockError, type FieldError } from './campaign-blocks';

// the database: the compile reads the sizes of the letter's images there
export type RenderSettings = { publicUrl: string; templates: NewsletterTemplates; db?: Db };
export type CampaignDraft = {
  kind: NewsletterKind;
  subject: string;
  preheader: string;
  blocks: readonly unknown[];
  /** every list of the campaign: the footer names them all, as the real send does */
  lists: readonly { name: string }[];
};

/** The reader that previews and test sends are personalised for. */
export const SAMPLE_FIRST_NAME = 'Camille';

/** Sample personal values: the test send's links, to pages that say they are a test and change nothing. */
export function sampleValues(publicUrl: string): PersonalValues {
  return {
    firstName: SAMPLE_FIRST_NAME,
    unsubscribeUrl: `${publicUrl}/unsubscribe/${TEST_LINK_TOKEN}`,
    preferencesUrl: `${publicUrl}/preferences/${TEST_LINK_TOKEN}`,
    // an unsaved draft has no issue page yet
    webUrl: `${publicUrl}/archive`,
  };
}

export type Preview = {
  html: string;
  text: string;
  bytes: number;
  clipped: boolean;
  clipBytes: number;
  mjmlErrors: MjmlIssue[];
  blockErrors: BlockError[];
  fieldErrors: FieldError[];
};

/** The editor's unsaved state as readers would get it: invalid blocks are left out and listed, MJML is checked softly. */
export async function renderPreview(draft: CampaignDraft, settings: RenderSettings): Promise<Preview> {
  const { valid, errors: blockErrors } = checkBlocks(draft.blocks);
  const fieldErrors = checkFields(draft);
  const bad = new Set(fieldErrors.map((e) => e.path));
  // an unfinished subject must not hide the preview: show a stand-in and say what is wrong
  const content = {
    kind: draft.kind,
    subject: bad.has('subject') ? 'Sans objet' : draft.subject,
    preheader: bad.has('preheader') ? '' : draft.preheader,
    blocks: valid,
  };
  const empty = { html: '', text: '', bytes: 0, clipped: false, clipBytes: GMAIL_CLIP_BYTES, blockErrors, fieldErrors };
  try {
    // the real send's compile, soft: MJML issues are listed, not thrown
    const compiled = await compileCampaign({ ...content, lists: draft.lists }, settings, 'soft');
    const personal = preparePersonaliser(compiled)(sampleValues(settings.publicUrl));
    return {
      ...personal,
      bytes: compiled.bytes,
      clipped: compiled.clipped,
      clipBytes: GMAIL_CLIP_BYTES,
      mjmlErrors: compiled.mjmlErrors,
      blockErrors,
      fieldErrors,
    };
  } catch (error) {
    if (error instanceof NewsletterMjmlError) return { ...empty, mjmlErrors: error.errors };
    if (error instanceof CampaignNotReadyError) {
      return { ...empty, mjmlErrors: [], fieldErrors: [...fieldErrors, ...error.problems] };
    }
    throw error;
  }
}

export type StrictCompile =
  | { ok: true; compiled: CompiledNewsletter }
  | { ok: false; blockErrors: BlockError[]; fieldErrors: FieldError[]; mjmlErrors: MjmlIssue[] };

/** What a test send needs: every block valid, then the real send's strict compile (every list named). */
export async function compileStrict(campaign: CampaignToCompile, settings: RenderSettings): Promise<StrictCompile> {
  const { errors: blockErrors } = checkBlocks(campaign.blocks);
  const fieldErrors = checkFields(campaign);
  if (campaign.blocks.length === 0) fieldErrors.push({ path: 'blocks', message: 'Ajoutez au moins un bloc' });
  if (blockErrors.length || fieldErrors.length) return { ok: false, blockErrors, fieldErrors, mjmlErrors: [] };
  try {
    return { ok: true, compiled: await compileCampaign(campaign, settings) };
  } catch (error) {
    const refused = { ok: false as const, blockErrors: [], fieldErrors: [], mjmlErrors: [] };
    if (error instanceof NewsletterMjmlError) return { ...refused, mjmlErrors: error.errors };
    if (error instanceof CampaignNotReadyError) return { ...refused, fieldErrors: error.problems };
    throw error;
  }
}
