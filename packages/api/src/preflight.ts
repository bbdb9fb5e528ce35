// The checklist before sending ("Vérifications avant envoi"), and what a send acknowledges of it.
import { z } from 'zod';
import { Timestamp, Uuid } from './common';
import { PREFLIGHT_CODES, PREFLIGHT_LEVELS } from './enums/preflight';
import { defineRoutes } from './route';

export const PreflightCode = z.enum(PREFLIGHT_CODES);
export type PreflightCode = z.infer<typeof PreflightCode>;

export const PreflightItem = z.object({
  code: PreflightCode,
  level: z.enum(PREFLIGHT_LEVELS),
  /** French: what is wrong and what to do */
  message: z.string(),
  /** what exactly: an address, a DNS record, a size */
  detail: z.string().optional(),
  /** the block concerned, by its index in the letter */
  blockIndex: z.number().int().nonnegative().optional(),
});
export type PreflightItem = z.infer<typeof PreflightItem>;

export const PreflightAnswer = z.object({
  /** blocks first, then warnings, then what is fine */
  items: z.array(PreflightItem),
  /** the saved version checked: a save since makes the list stale */
  version: z.number().int(),
  checkedAt: Timestamp,
});
export type PreflightAnswer = z.infer<typeof PreflightAnswer>;

/** What "Envoyer quand même" acknowledged: the warnings' codes, written to the audit log with the send. */
export const AcknowledgedWarnings = z.array(PreflightCode).max(PREFLIGHT_CODES.length);

export const SendBody = z.object({ acknowledgedWarnings: AcknowledgedWarnings.optional() });
export type SendBody = z.input<typeof SendBody>;

export const preflightRoutes = defineRoutes({
  'POST /api/campaigns/:id/preflight': {
    summary: 'Check the saved campaign before sending: blocks, warnings and what is fine (links and DNS asked live)',
    params: z.object({ id: Uuid }),
    response: PreflightAnswer,
  },
});
