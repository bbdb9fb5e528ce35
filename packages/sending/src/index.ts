export type { Transport, TransportError, BatchQueue, SendJournal, JournalWrite, SendPace, ProviderPlan } from './ports';
export {
  compileCampaign,
  CampaignNotReadyError,
  listNameOf,
  type CampaignToCompile,
  type CompileSettings,
} from './compile-campaign';
export { launchCampaign, BATCHING, type LaunchDeps, type LaunchResult } from './launch-campaign';
export {
  emailImageOf,
  identityName,
  readBranding,
  readIdentity,
  type Branding,
  type SenderIdentity,
} from './email-identity';
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
export { recordInboundMail, type InboundMailOutcome } from './inbound-mail';
export * from './preflight/index';
export { providerMatchers, providerOf, OTHER_PROVIDER, type ProviderGroup } from './provider-groups';
export {
  providerPaceAt,
  slowDown,
  readSlowdown,
  windowFor,
  PROVIDER_POLICY,
  ProviderSlowdown,
  type ProviderPolicy,
  type ProviderPaceNow,
} from './provider-pace';
export { judgeBounces, bouncePauseReason, type BouncePauseRule, type BounceCounts } from './bounce-pause';
