import { z } from 'zod';

export const HeartbeatJob = z.object({ at: z.string().optional() });
export type HeartbeatJob = z.infer<typeof HeartbeatJob>;

// Mail jobs carry ids only: addresses, tokens and bodies are read or made by the worker.
export const MailJob = z.discriminatedUnion('type', [
  z.object({ type: z.literal('confirm'), confirmationId: z.uuid(), subscriberId: z.uuid() }),
  z.object({ type: z.literal('welcome'), subscriptionId: z.uuid(), subscriberId: z.uuid() }),
]);
export type MailJob = z.infer<typeof MailJob>;

export const PublishJob = z.object({ articleId: z.uuid(), at: z.string() });
export type PublishJob = z.infer<typeof PublishJob>;
