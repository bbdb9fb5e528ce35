export {
  startCampaign,
  findCampaignContent,
  type StartCampaignInput,
  type StartCampaignResult,
  type CampaignContent,
} from './start-campaign';
export {
  claimRecipients,
  currentRecipientStates,
  type ClaimedRecipient,
  type ProviderLimits,
} from './claim-recipients';
export { deferProvider, hasDueRows, pendingProviders } from './provider-pacing';
export { autoPauseAndTell, bounceCounts, wasAutoPaused } from './bounce-pause';
export { recordOutcomes, type RecipientOutcome } from './record-outcomes';
export {
  pauseCampaign,
  resumeCampaign,
  cancelCampaign,
  scheduleCampaign,
  unscheduleCampaign,
  holdCampaign,
  requeueRecipients,
  finishCampaignIfDone,
  pendingBatches,
  sendingCampaignIds,
  dueCampaigns,
  upcomingCampaigns,
  type ActiveBatch,
} from './campaign-controls';
export {
  campaignProgress,
  findCampaignRecipient,
  findSendingCampaign,
  sentCounts,
  suppressedAmong,
  type CampaignProgress,
  type RecipientCounts,
  type RecipientRecord,
  type SendingCampaign,
} from './campaign-progress';
export { CampaignStateError } from './errors';
export { recordBounce, type BounceInput, type BounceResult } from './record-bounce';
export {
  recordComplaint,
  recordUnsubscribeRequest,
  type ComplaintInput,
  type ComplaintResult,
  type UnsubscribeRequestInput,
  type UnsubscribeRequestResult,
} from './record-inbound';
export { inFlightClaims, claimRows, markClaimUncertain, type ClaimedRow } from './claims';
export { waitForServer, serverWaitsDue, postponeServerWait, endServerWait, type ServerWait } from './server-wait';
