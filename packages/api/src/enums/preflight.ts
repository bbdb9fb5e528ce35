// zod-free: the studio reads these lists at run time.

/** What the checklist before sending looks at; a warning's code is what "Envoyer quand même" acknowledges. */
export const PREFLIGHT_CODES = [
  'content-invalid',
  'image-alt',
  'unsubscribe-link',
  'list-unsubscribe',
  'subject',
  'preheader',
  'size',
  'links',
  'spf',
  'dkim',
  'dmarc',
  'contribution-dates',
] as const;

/** block: the server refuses to send; warning: staff may send anyway; ok: checked and fine. */
export const PREFLIGHT_LEVELS = ['block', 'warning', 'ok'] as const;
