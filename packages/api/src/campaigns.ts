import { z } from 'zod';
import type { NewsletterBlock, NewsletterBlockType } from '@crieur/newsletter/blocks';
import { Timestamp } from './common';
import { BLOCK_TYPES, NEWSLETTER_KINDS } from './enums/campaigns';
import { defineRoutes } from './route';
import { CampaignStatus, sendingRoutes, ServerWait } from './sending';
import { splitTestAddresses, testAddressProblems } from './test-addresses';

export * from './sending';

// the blocks' own schemas are @crieur/newsletter's: the composer's forms take their types from there
export type { NewsletterBlock, NewsletterBlockType };

export const NewsletterKind = z.enum(NEWSLETTER_KINDS);
export type NewsletterKind = z.infer<typeof NewsletterKind>;

export const BlockType = z.enum(BLOCK_TYPES, 'Type de bloc inconnu.');
export type BlockType = z.infer<typeof BlockType>;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
/** Fails to compile when BLOCK_TYPES (enums/campaigns.ts) and @crieur/newsletter's blocks disagree. */
export type BlockTypesMatch = Assert<Same<BlockType, NewsletterBlockType>>;

export const MAX_BLOCKS = 60;
export const MAX_BLOCKS_BYTES = 512 * 1024;

const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;

/** A block as autosave keeps it: only its type is checked; preview, test and send check the rest. */
export const DraftBlock = z.looseObject({ type: BlockType });
export type DraftBlock = z.infer<typeof DraftBlock>;

/** Autosave keeps unfinished blocks, so typing never loses work. */
export const DraftBlocks = z
  .array(DraftBlock, 'Une liste de blocs est attendue.')
  .max(MAX_BLOCKS, `${MAX_BLOCKS} blocs au plus.`)
  .refine((blocks) => utf8Bytes(JSON.stringify(blocks)) <= MAX_BLOCKS_BYTES, 'Les blocs dépassent 512 Ko.');

export const CampaignListRef = z.object({ slug: z.string(), name: z.string() });
export type CampaignListRef = z.infer<typeof CampaignListRef>;

/** A campaign as lists show it. */
export const CampaignSummary = z.object({
  id: z.string(),
  slug: z.string(),
  kind: NewsletterKind,
  subject: z.string(),
  status: CampaignStatus,
  lists: z.array(CampaignListRef),
  recipientCount: z.number().int(),
  scheduledAt: Timestamp.nullable(),
  startedAt: Timestamp.nullable(),
  finishedAt: Timestamp.nullable(),
  /** null when all is well */
  serverWait: ServerWait.nullable(),
  updatedAt: Timestamp,
  createdAt: Timestamp,
});
export type CampaignSummary = z.infer<typeof CampaignSummary>;

/** A line of GET /api/campaigns: the summary and how many messages went out. */
export const CampaignListItem = CampaignSummary.extend({ sentCount: z.number().int() });
export type CampaignListItem = z.infer<typeof CampaignListItem>;

/** What the composer edits; `blocks` as stored (a draft may hold unfinished blocks). */
export const Campaign = CampaignSummary.extend({
  preheader: z.string(),
  fromName: z.string(),
  replyTo: z.string(),
  blocks: z.array(DraftBlock),
  version: z.number().int(),
  /** why sending stopped without a human (mail server down, late schedule) */
  pauseReason: z.string().nullable(),
  duplicatedFrom: z.string().nullable(),
});
export type Campaign = z.infer<typeof Campaign>;

const CampaignAnswer = z.object({ campaign: Campaign });

const ListSlugs = z.array(z.string().trim().min(1).max(60)).max(10);
const oneLine = (max: number) =>
  z
    .string()
    .max(max)
    .refine((value) => !/[\r\n]/.test(value), 'Une seule ligne, sans retour à la ligne.');

// none given: the kind's own list
export const CreateCampaignBody = z.object({ kind: NewsletterKind, lists: ListSlugs.optional() });
export type CreateCampaignBody = z.infer<typeof CreateCampaignBody>;

/** The whole draft and the version it was based on; lengths are generous, the content unchecked (autosave). */
export const SaveCampaignBody = z.object({
  version: z.number().int().positive(),
  kind: NewsletterKind,
  subject: oneLine(1000),
  preheader: oneLine(1000),
  fromName: oneLine(200),
  replyTo: oneLine(320),
  lists: ListSlugs,
  blocks: DraftBlocks,
});
export type SaveCampaignBody = z.infer<typeof SaveCampaignBody>;

/** The editor's unsaved state; the blocks are checked one by one in the answer, not refused. */
export const PreviewBody = z.object({
  kind: NewsletterKind,
  subject: z.string().max(1000).default(''),
  preheader: z.string().max(1000).default(''),
  lists: ListSlugs.default([]),
  blocks: z.array(z.unknown()).max(MAX_BLOCKS),
});
export type PreviewBody = z.input<typeof PreviewBody>;

export const MjmlError = z.object({ line: z.number(), message: z.string(), tagName: z.string() });
export type MjmlError = z.infer<typeof MjmlError>;
/** An error inside a block: its position (from 0) and the field's path within it ("events.0.date"). */
export const BlockError = z.object({
  index: z.number().int(),
  path: z.string(),
  message: z.string(),
  /** where it lies, for lists of problems: « bloc 3 (Agenda), événement 1 › date » */
  where: z.string().optional(),
});
export type BlockError = z.infer<typeof BlockError>;
/** Subject, preheader, reply-to or "no block at all": an error outside the blocks. */
export const CampaignFieldError = z.object({ path: z.string(), message: z.string() });
export type CampaignFieldError = z.infer<typeof CampaignFieldError>;

/** The newsletter as readers would get it (personalised for a sample reader), its weight and what is wrong. */
export const CampaignPreview = z.object({
  html: z.string(),
  text: z.string(),
  /** UTF-8 bytes of the HTML */
  bytes: z.number().int(),
  /** past Gmail's limit: the end (and the unsubscribe link) hides behind "[Message clipped]" */
  clipped: z.boolean(),
  clipBytes: z.number().int(),
  mjmlErrors: z.array(MjmlError),
  /** invalid blocks are left out of the preview and listed here */
  blockErrors: z.array(BlockError),
  fieldErrors: z.array(CampaignFieldError),
});
export type CampaignPreview = z.infer<typeof CampaignPreview>;

/** The extra fields of a 422 NEWSLETTER_INVALID (a test of a newsletter that is not ready). */
export const NewsletterInvalidDetails = z.object({
  blockErrors: z.array(BlockError),
  fieldErrors: z.array(CampaignFieldError),
  mjmlErrors: z.array(MjmlError),
});
export type NewsletterInvalidDetails = z.infer<typeof NewsletterInvalidDetails>;

/** Up to five reviewers, as a list or as typed ("a@x.fr, b@y.fr"): split, deduplicated, each wrong address named. */
export const TestSendBody = z.object({
  addresses: z
    .union([z.string().max(4000), z.array(z.string().max(4000)).max(50)], 'Indiquez au moins une adresse.')
    .transform(splitTestAddresses)
    .superRefine((addresses, ctx) => {
      for (const message of testAddressProblems(addresses)) ctx.addIssue({ code: 'custom', message });
    }),
});
export type TestSendBody = z.infer<typeof TestSendBody>;

export const TestSendResult = z.object({
  sent: z.number().int(),
  /** no SMTP server set: the messages were written to the outbox folder */
  outbox: z.boolean(),
});
export type TestSendResult = z.infer<typeof TestSendResult>;

export const PublishedSearchQuery = z.object({ q: z.string().trim().max(100).optional() });
export type PublishedSearchQuery = z.input<typeof PublishedSearchQuery>;

/** A published article or dossier, as its card block takes it (absolute links, the cover at 800 px). */
export const PublishedItem = z.object({
  id: z.string(),
  title: z.string(),
  lede: z.string(),
  url: z.string(),
  rubrique: z.string().optional(),
  image: z.object({ src: z.string(), alt: z.string() }).optional(),
  publishedAt: Timestamp.nullable(),
});
export type PublishedItem = z.infer<typeof PublishedItem>;

// ids are uuids, but anything else is answered 404 like an id that names no campaign
export const CampaignParams = z.object({ id: z.string() });

export const campaignsRoutes = defineRoutes({
  'GET /api/campaigns': {
    summary: 'Every campaign, newest first, with how many messages went out',
    query: z.object({ status: CampaignStatus.optional() }),
    response: z.object({ campaigns: z.array(CampaignListItem) }),
  },
  'POST /api/campaigns': {
    summary: 'Start a new draft of a newsletter, from its usual shape',
    body: CreateCampaignBody,
    status: 201,
    response: CampaignAnswer,
  },
  'GET /api/campaigns/:id': {
    summary: 'One campaign, as the composer edits it',
    params: CampaignParams,
    response: CampaignAnswer,
  },
  'PUT /api/campaigns/:id': {
    summary: 'Autosave a draft (409 EDIT_CONFLICT with the current campaign when the version is stale)',
    params: CampaignParams,
    body: SaveCampaignBody,
    response: CampaignAnswer,
  },
  'DELETE /api/campaigns/:id': { summary: 'Delete a draft', params: CampaignParams, status: 204, response: null },
  'POST /api/campaigns/:id/duplicate': {
    summary: 'Copy any campaign as a new draft',
    params: CampaignParams,
    status: 201,
    response: CampaignAnswer,
  },
  'POST /api/campaigns/preview': {
    summary: 'Render the editor’s unsaved state; invalid blocks are left out and listed',
    body: PreviewBody,
    response: CampaignPreview,
  },
  'POST /api/campaigns/:id/test': {
    summary: 'Send the saved campaign to up to five reviewers (422 NEWSLETTER_INVALID, 502 SMTP_FAILED)',
    params: CampaignParams,
    body: TestSendBody,
    status: 202,
    response: TestSendResult,
  },
  'GET /api/campaigns/articles': {
    summary: 'Published articles to insert as cards, newest first',
    query: PublishedSearchQuery,
    response: z.object({ items: z.array(PublishedItem) }),
  },
  'GET /api/campaigns/dossiers': {
    summary: 'Published dossiers to insert as cards, newest first',
    query: PublishedSearchQuery,
    response: z.object({ items: z.array(PublishedItem) }),
  },
  ...sendingRoutes,
});
