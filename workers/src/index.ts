export { startWorkers, type WorkersOptions, type RunningWorkers } from './start-workers';
export { UnsafeRedisError } from './check-redis';
export { startCampaignWorker, type CampaignWorker, type CampaignWorkerOptions } from './campaigns/campaign-worker';
export { startWorkerProcess, type WorkerProcessDeps } from './start-worker-process';
