import { z } from 'zod';

// every string of a job has a strict format: no free text, so no control character, ever reaches a worker
export const HeartbeatJob = z.object({ at: z.iso.datetime().optional() });
export type HeartbeatJob = z.infer<typeof HeartbeatJob>;

// Mail jobs carry ids only: addresses, tokens and bodies are read or made by the worker.
export const MailJob = z.discriminatedUnion('type', [
  z.object({ type: z.literal('confirm'), confirmationId: z.uuid(), subscriberId: z.uuid() }),
  // one welcome per confirmation click: every list the person confirmed at `dueAt` (its welcome_due_at)
  z.object({ type: z.literal('welcome'), subscriberId: z.uuid(), dueAt: z.iso.datetime() }),
  // email to a member of the team (invitation, password reset, review): one `staff_mail` row
  z.object({ type: z.literal('staff'), staffMailId: z.uuid() }),
  // email to a contribution's proposer (confirmation of the address, then each moderation outcome): one row
  z.object({ type: z.literal('contribution'), contributionMailId: z.uuid() }),
]);
export type MailJob = z.infer<typeof MailJob>;

export const PublishJob = z.object({ articleId: z.uuid(), at: z.iso.datetime() });
export type PublishJob = z.infer<typeof PublishJob>;
