export { contract, type ApiContract, type RouteKey } from './contract';
export {
  defineRoutes,
  splitKey,
  type Contract,
  type RouteContract,
  type ParamsOf,
  type QueryOf,
  type BodyOf,
  type ResponseOf,
  type ServerParams,
  type ServerQuery,
  type ServerBody,
  type ServerResponse,
} from './route';
export { ERROR_CODES, ERROR_MESSAGES, isErrorCode, type ErrorCode, type ValidationIssue } from './error-codes';
export { configureFrenchValidation, fieldLabel, frenchIssue, validationSummary, FIELD_LABELS } from './french-issues';
export { Timestamp, Day, NumericId, Uuid, Ok, ErrorBody } from './common';
export { ROLES, USER_STATUSES } from './enums/users';
export * from './users';
export * from './password-reset';
export * from './organisation';
export * from './embed-form';
export { embedSnippet } from './embed-snippet';
export * from './legal-pages';
export * from './onboarding';
export * from './lists';
export * from './editorial';
export * from './article-comments';
export * from './dossiers';
export * from './media';
export * from './subscribers';
export * from './imports';
export * from './campaigns';
export * from './preflight';
export * from './growth';
export * from './contributions';
export * from './contributions-api';
export * from './contributions-fill';
