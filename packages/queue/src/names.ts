// Queue names; every queue and key lives under the REDIS_PREFIX given to BullMQ.
export const QUEUES = {
  heartbeat: 'heartbeat',
  mail: 'mail',
  publishing: 'publishing',
  campaigns: 'campaigns',
  growth: 'growth',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** The Redis key where the workers' last heartbeat is kept. */
export const heartbeatKey = (prefix: string) => `${prefix}:workers:heartbeat`;
