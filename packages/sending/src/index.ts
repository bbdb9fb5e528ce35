export type { Transport, TransportError, BatchQueue, SendJournal, JournalWrite, SendPace } from './ports';
export {
  compileCampaign,
  CampaignNotReadyError,
  listNameOf,
  type CampaignToCompile,
  type CompileSettings,
} from './compile-campaign';
export { launchCampaign, BATCHING, type LaunchDeps, type LaunchResult } from './launch-campaign';
export {
  buildRecipientMessage,
  createCampaignMessages,
  firstNameOf,
  type CampaignForMessage,
  type CampaignMessages,
  type RecipientMessage,
  type RecipientInput,
} from './campaign-messages';
export {
  sendBatch,
  retryUnrecorded,
  newSenderHealth,
  type BatchSenderDeps,
  type BatchResult,
  type SenderHealth,
} from './send-batch';
export { createSendLedger, type SendLedger } from './send-ledger';
export {
  decideFailure,
  toSendFailure,
  type SendFailure,
  type RetryPolicy,
  type FailureDecision,
} from './decide-failure';
export { reconcileCampaigns, type ReconcileDeps, type ReconcileReport } from './reconcile-campaigns';
export { controlCampaign, type CampaignControl } from './control-campaign';
