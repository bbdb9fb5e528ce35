import { ERROR_MESSAGES } from '@crieur/api/error-codes';
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'CSRF_INVALID'
  | 'VALIDATION'
  | 'INVALID_CREDENTIALS'
  | 'RATE_LIMITED'
  | 'NOT_FOUND'
  | 'DUPLICATE_EMAIL'
  | 'INVITATION_INVALID'
  | 'RESET_INVALID'
  | 'CANNOT_CHANGE_SELF'
  | 'DUPLICATE_SUBSCRIBER'
  | 'SUPPRESSED'
  | 'CONSENT_SOURCE_REQUIRED'
  | 'IMPORT_FILE_INVALID'
  | 'EDIT_CONFLICT'
  | 'SLUG_TAKEN'
  | 'TRANSITION_NOT_ALLOWED'
  | 'MEDIA_INVALID'
  | 'CAMPAIGN_NOT_EDITABLE'
  | 'NEWSLETTER_INVALID'
  | 'SMTP_FAILED'
  | 'CAMPAIGN_NOT_READY'
  | 'CAMPAIGN_STATE'
  | 'PREFLIGHT_BLOCKED'
  | 'NOT_A_DSN'
  | 'REDIS_UNAVAILABLE'
  | 'INTERNAL';

/** An error the API answers with `{ error: { code, message, ...extra } }`. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const unauthenticated = () => new ApiError(401, 'UNAUTHENTICATED', ERROR_MESSAGES.UNAUTHENTICATED);
export const forbidden = () => new ApiError(403, 'FORBIDDEN', ERROR_MESSAGES.FORBIDDEN);

// what staff call each thing; « introuvable » agrees with every gender
const THINGS: Record<string, string> = {
  Article: 'Article',
  Campaign: 'Lettre',
  Dossier: 'Dossier',
  'Entered count': 'Effectif saisi',
  Image: 'Image',
  Import: 'Import',
  List: 'Liste',
  Media: 'Média',
  Revision: 'Version',
  Subscriber: 'Abonné·e',
  User: 'Compte',
  Year: 'Année',
  Resource: 'Élément',
};
export const notFound = (what = 'Resource') =>
  new ApiError(404, 'NOT_FOUND', `${THINGS[what] ?? what} introuvable : cet élément a peut-être été supprimé.`);
/** Redis (the job queues) does not answer; the client may retry in a while. */
export const redisUnavailable = () =>
  new ApiError(503, 'REDIS_UNAVAILABLE', 'La file des tâches (Redis) ne répond pas : réessayez dans quelques minutes.');
