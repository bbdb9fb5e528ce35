export { QUEUES, heartbeatKey, type QueueName } from './names';
export { HeartbeatJob, MailJob } from './jobs';
export {
  createMailQueue,
  enqueueMail,
  removeSubscriberJobs,
  restoreMailJobs,
  confirmJobId,
  enqueueStaffMail,
  enqueueContributionMail,
  contributionMailJobId,
  staffMailJobId,
  welcomeJobId,
  mailJobId,
  type MailQueue,
} from './mail-queue';
export { createRedis, failFastQueueOptions, pingRedis, readEvictionPolicy, type RedisRole } from './redis';
export { RedisDownError, isRedisDownError, promptly } from './fail-fast';
export { startEmbeddedRedis, hasRedisServer, RedisUnavailableError, type EmbeddedRedis } from './embedded-redis';
export { PublishJob } from './jobs';
export {
  createPublishingQueue,
  schedulePublication,
  reconcilePublications,
  publishJobId,
  type PublishingQueue,
} from './publishing-queue';
export {
  PUBLISH_DOSSIER,
  PublishDossierJob,
  publishDossierJobId,
  scheduleDossierPublication,
  reconcileDossierPublications,
} from './dossier-publication';
export {
  CampaignJob,
  createCampaignQueue,
  enqueueBatches,
  batchQueue,
  batchJobId,
  senderLivenessKey,
  sendRateKey,
  type CampaignQueue,
} from './campaign-queue';
export {
  GrowthJob,
  createGrowthQueue,
  scheduleGrowthSnapshots,
  GROWTH_CRON,
  GROWTH_SCHEDULER_ID,
  type GrowthQueue,
} from './growth-queue';
export { createSendJournal, journalKey, campaignHoldKey, type RedisSendJournal } from './send-journal';
export {
  createProviderPaceStore,
  providerSlowdownsKey,
  readProviderSlowdowns,
  type ProviderPaceStore,
} from './provider-pace';
