export { emailHash, isSuppressed } from '../shared/suppressions';
export { requestSubscription, type SubscriptionRequest } from './request-subscription';
export {
  receiveSubscribeRequest,
  processSubscribeRequest,
  processLeftoverSubscribeRequests,
  SUBSCRIBE_WINDOWS,
  type SubscribeRequestInput,
} from './subscribe-inbox';
export {
  prepareConfirmationEmail,
  findOpenConfirmation,
  confirmSubscription,
  type ListSummary,
} from './confirm-subscription';
export {
  unsubscribeByLink,
  findUnsubscribeTarget,
  unsubscribeSubscriber,
  type UnsubscribeSource,
  type LinkRef,
} from './unsubscribe';
export { eraseSubscriber } from './erase-subscriber';
export { suppressAddress, findSuppression, type SuppressionReason } from './suppress';
export {
  findByPreferencesLink,
  updatePreferences,
  exportSubscriberData,
  listIdsBySlugs,
  type PreferenceList,
} from './preferences';
export { findWelcomeData, type WelcomeData, type WelcomeList } from './welcome';
export { owedConfirmations, owedWelcomes, type OwedConfirmation, type OwedWelcome } from './owed-mail';
export { markConfirmationSent, markWelcomeSent } from './mark-mail-sent';
export {
  listCounts,
  searchSubscribers,
  getSubscriberDetail,
  updateSubscriber,
  confirmedPage,
  type SubscriptionStatus,
} from './staff-queries';
export { staffSubscribe, DuplicateSubscriberError, SuppressedAddressError } from './staff-subscribe';
export { importRows, type ImportInputRow, type ImportOutcome } from './import-rows';
export {
  createImport,
  recordImportProgress,
  finishImport,
  getImport,
  listImports,
  importProblemsPage,
  type ImportRecord,
} from './imports';
export { createImportStore, confirmedSubscriberRows, importProblemRows, EXPORT_HEADER } from './import-store';
export {
  purgeSubscribers,
  eraseNeverConfirmed,
  eraseDeparted,
  dropStalePending,
  dropStaleRequests,
  RETENTION_BATCH,
  type RetentionCounts,
} from './retention';
