import { z } from 'zod';

export const HeartbeatJob = z.object({ at: z.string().optional() });
export type HeartbeatJob = z.infer<typeof HeartbeatJob>;
