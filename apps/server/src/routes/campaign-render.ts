import {
  compileNewsletter,
  GMAIL_CLIP_BYTES,
  NewsletterMjmlError,
  preparePersonaliser,
  type MjmlIssue,
  type NewsletterKind,
  type NewsletterTemplates,
  type PersonalValues,
} from '@crieur/newsletter';
import { checkBlocks, checkFields, type BlockError, type FieldError } from './campaign-blocks';

export type RenderSettings = { publicUrl: string; templates: NewsletterTemplates };
export type CampaignDraft = { kind: NewsletterKind; subject: string; preheader: string; blocks: readonly unknown[]; listName: string };

/** Sample personal values: a first name, and links to public pages that exist whatever the campaign. */
export function sampleValues(publicUrl: string): PersonalValues {
  return { firstName: 'Camille', unsubscribeUrl: `${publicUrl}/subscribe`, preferencesUrl: `${publicUrl}/subscribe`, webUrl: `${publicUrl}/archive` };
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
  const content = { kind: draft.kind, subject: bad.has('subject') ? 'Sans objet' : draft.subject, preheader: bad.has('preheader') ? '' : draft.preheader, blocks: valid };
  const empty = { html: '', text: '', bytes: 0, clipped: false, clipBytes: GMAIL_CLIP_BYTES, blockErrors, fieldErrors };
  try {
    const compiled = await compileNewsletter(content, { publicUrl: settings.publicUrl, listName: draft.listName, templates: settings.templates, validation: 'soft' });
    const personal = preparePersonaliser(compiled)(sampleValues(settings.publicUrl));
    return { ...personal, bytes: compiled.bytes, clipped: compiled.clipped, clipBytes: GMAIL_CLIP_BYTES, mjmlErrors: compiled.mjmlErrors, blockErrors, fieldErrors };
  } catch (error) {
    if (error instanceof NewsletterMjmlError) return { ...empty, mjmlErrors: error.errors };
    throw error;
  }
}

export type StrictRender = { ok: true; html: string; text: string } | { ok: false; blockErrors: BlockError[]; fieldErrors: FieldError[]; mjmlErrors: MjmlIssue[] };

/** What a test send needs: every block valid and MJML's strict validation passed. */
export async function renderStrict(draft: CampaignDraft, settings: RenderSettings, values: PersonalValues): Promise<StrictRender> {
  const { valid, errors: blockErrors } = checkBlocks(draft.blocks);
  const fieldErrors = checkFields(draft);
  if (draft.blocks.length === 0) fieldErrors.push({ path: 'blocks', message: 'Ajoutez au moins un bloc' });
  if (blockErrors.length || fieldErrors.length) return { ok: false, blockErrors, fieldErrors, mjmlErrors: [] };
  try {
    const compiled = await compileNewsletter({ kind: draft.kind, subject: draft.subject, preheader: draft.preheader, blocks: valid }, { publicUrl: settings.publicUrl, listName: draft.listName, templates: settings.templates, validation: 'strict' });
    return { ok: true, ...preparePersonaliser(compiled)(values) };
  } catch (error) {
    if (error instanceof NewsletterMjmlError) return { ok: false, blockErrors: [], fieldErrors: [], mjmlErrors: error.errors };
    throw error;
  }
}
