export type ImportFileErrorCode = 'EMPTY_FILE' | 'NO_EMAIL_COLUMN' | 'NOT_TEXT' | 'UNREADABLE';

const MESSAGES: Record<ImportFileErrorCode, string> = {
  EMPTY_FILE:
    'Le fichier est vide : exportez à nouveau la liste depuis votre tableur, avec sa ligne d’en-tête et au moins une adresse.',
  NO_EMAIL_COLUMN:
    'Aucune colonne d’adresse e-mail trouvée : la première ligne doit contenir un en-tête « Email » (ou « E-mail », « Courriel », « Adresse e-mail »).',
  NOT_TEXT:
    'Ce fichier n’est pas un fichier texte CSV : dans votre tableur, choisissez « Enregistrer sous » puis le format CSV (séparateur point-virgule), et importez ce fichier.',
  UNREADABLE: 'Le fichier n’a pas pu être lu : vérifiez qu’il s’agit bien d’un export CSV, puis réessayez.',
};

/** The file cannot be a subscriber CSV; thrown before any row so that a bad file changes nothing. */
export class ImportFileError extends Error {
  override readonly name = 'ImportFileError';
  readonly code: ImportFileErrorCode;

  constructor(code: ImportFileErrorCode, message: string = MESSAGES[code], options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
