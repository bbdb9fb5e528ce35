export { QUEUES, heartbeatKey, type QueueName } from './names';
export { HeartbeatJob, MailJob } from './jobs';
export { createMailQueue, enqueueMail, removeSubscriberJobs, type MailQueue } from './mail-queue';
export { createRedis, pingRedis, readEvictionPolicy, type RedisRole } from './redis';
export { startEmbeddedRedis, hasRedisServer, RedisUnavailableError, type EmbeddedRedis } from './embedded-redis';
export { PublishJob } from './jobs';
export { createPublishingQueue, schedulePublication, reconcilePublications, publishJobId, type PublishingQueue } from './publishing-queue';
