// No zod here: the studio imports this module at run time and keeps its first load small.

/** Every code the staff API answers with, and what staff read when the server gives no better message. */
export const ERROR_MESSAGES = {
  UNAUTHENTICATED: 'Connectez-vous pour continuer.',
  FORBIDDEN: 'Votre rôle ne permet pas cette action.',
  CSRF_INVALID: 'La session a changé : rechargez la page.',
  VALIDATION: 'Certains champs ne sont pas valides.',
  INVALID_CREDENTIALS: 'Adresse e-mail ou mot de passe incorrect.',
  RATE_LIMITED: 'Trop de tentatives : patientez une minute puis réessayez.',
  NOT_FOUND: 'Introuvable : l’élément a peut-être été supprimé.',
  DUPLICATE_EMAIL: 'Un compte existe déjà avec cette adresse.',
  INVITATION_INVALID: 'Ce lien d’invitation n’est plus valable.',
  RESET_INVALID: 'Ce lien de réinitialisation n’est plus valable.',
  CANNOT_CHANGE_SELF: 'Vous ne pouvez pas changer votre propre rôle ni votre statut.',
  DUPLICATE_SUBSCRIBER: 'Cette adresse est déjà inscrite.',
  SUPPRESSED: 'Cette adresse ne doit plus recevoir de courriel.',
  CONSENT_SOURCE_REQUIRED: 'Indiquez d’où vient le consentement.',
  IMPORT_FILE_INVALID: 'Le fichier ne peut pas être importé.',
  EDIT_CONFLICT: 'Quelqu’un d’autre a modifié ce contenu entre-temps.',
  SLUG_TAKEN: 'Cette adresse (slug) est déjà prise.',
  TRANSITION_NOT_ALLOWED: 'Ce changement d’état n’est pas permis.',
  MEDIA_INVALID: 'Ce fichier n’est pas une image acceptée.',
  CAMPAIGN_NOT_EDITABLE: 'Cette lettre ne peut plus être modifiée.',
  NEWSLETTER_INVALID: 'La lettre contient une erreur : corrigez-la avant l’envoi.',
  SMTP_FAILED: 'Le serveur d’envoi a refusé le message.',
  CAMPAIGN_NOT_READY: 'La lettre n’est pas prête à partir.',
  PREFLIGHT_BLOCKED: 'Des vérifications bloquent l’envoi : corrigez-les avant d’envoyer.',
  CAMPAIGN_STATE: 'L’état de la lettre a changé : rechargez la page.',
  NOT_A_DSN: 'Ce message n’est ni un avis de non-remise, ni un signalement de spam, ni une demande de désinscription.',
  REDIS_UNAVAILABLE: 'La file des tâches (Redis) ne répond pas : réessayez dans quelques minutes.',
  INTERNAL: 'Une erreur est survenue de notre côté.',
} as const satisfies Record<string, string>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;
export const ERROR_CODES = Object.keys(ERROR_MESSAGES) as ErrorCode[];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_MESSAGES, value);
}

/** One wrong field of a VALIDATION answer: its dotted path and what is wrong, in French. */
export type ValidationIssue = { path: string; message: string };
