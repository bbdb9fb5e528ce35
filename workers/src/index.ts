export { startWorkers, type WorkersOptions, type RunningWorkers } from './start-workers';
export { UnsafeRedisError } from './check-redis';
export { launchCampaign, CampaignNotReadyError, type LaunchDeps, type LaunchResult } from './campaigns/launch-campaign';
export { startCampaignWorker, type CampaignWorker, type CampaignWorkerOptions } from './campaigns/campaign-worker';
export { campaignWorkerOptions } from './campaigns/campaign-options';
export { reconcileCampaigns, type ReconcileDeps, type ReconcileReport } from './campaigns/reconcile-campaigns';
