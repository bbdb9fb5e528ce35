export { QUEUES, heartbeatKey, type QueueName } from './names';
export { HeartbeatJob } from './jobs';
export { createRedis, pingRedis, readEvictionPolicy, type RedisRole } from './redis';
export { startEmbeddedRedis, hasRedisServer, RedisUnavailableError, type EmbeddedRedis } from './embedded-redis';
