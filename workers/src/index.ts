export { startWorkers, type WorkersOptions, type RunningWorkers } from './start-workers';
export { UnsafeRedisError } from './check-redis';
