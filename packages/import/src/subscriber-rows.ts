import { forbiddenCharacterIn, stripForbiddenCharacters } from '@crieur/safe-text';
import { cleanName, truncate } from './clean-name';
import { ImportFileError } from './import-file-error';
import type { ImportEvent, ProblemReason } from './import-types';
import { mapHeader, type ColumnMap } from './map-header';
import { emailKey, normaliseEmail } from './normalise-email';
import type { RecordEvent } from './record-reader';

const MAX_VALUE = 200;

// a line of only separators is blank whichever separator the file uses (";;;" in a ',' file)
const BLANK_CELL = /^[\s;,]*$/;

function isBlank(cells: string[]): boolean {
  return cells.every((cell) => BLANK_CELL.test(cell));
}

// the value is stored and shown: PostgreSQL refuses a NUL, and other control characters only hide text
function problem(line: number, reason: ProblemReason, value: string): ImportEvent {
  return { type: 'problem', problem: { line, reason, value: truncate(stripForbiddenCharacters(value), MAX_VALUE) } };
}

/** Turns parsed records into rows and problems: header first, then one event per non-blank record. */
export class SubscriberRows {
  private columns: ColumnMap | undefined;
  private readonly seen = new Set<string>();
  private events = 0;

  accept(event: RecordEvent): ImportEvent | null {
    if (event.type === 'malformed') {
      if (this.columns === undefined) {
        throw new ImportFileError(
          'UNREADABLE',
          `La ligne d’en-tête (ligne ${event.line}) contient un guillemet non fermé : corrigez-la dans le tableur, puis importez à nouveau le fichier.`,
        );
      }
      this.events++;
      return problem(event.line, 'malformed_line', event.value);
    }
    if (isBlank(event.cells)) return null;
    if (this.columns === undefined) {
      this.columns = this.header(event.cells);
      return null;
    }
    this.events++;
    return this.row(event.line, event.cells, this.columns);
  }

  /** Throws EMPTY_FILE when there was no header or nothing after it. */
  finish(): void {
    if (this.events === 0) {
      throw new ImportFileError(
        'EMPTY_FILE',
        this.columns === undefined
          ? undefined
          : 'Le fichier ne contient que la ligne d’en-tête : exportez à nouveau la liste avec ses abonné·es.',
      );
    }
  }

  private header(cells: string[]): ColumnMap {
    const columns = mapHeader(cells);
    if (columns.email === -1) {
      const found = cells
        .map((cell) => stripForbiddenCharacters(cell).trim())
        .filter(Boolean)
        .slice(0, 8)
        .join(', ');
      throw new ImportFileError(
        'NO_EMAIL_COLUMN',
        `Aucune colonne d’adresse e-mail trouvée parmi : ${truncate(found, MAX_VALUE)}. Nommez la colonne des adresses « Email » (ou « Courriel ») sur la première ligne, puis importez à nouveau le fichier.`,
      );
    }
    return columns;
  }

  private row(line: number, cells: string[], columns: ColumnMap): ImportEvent {
    const cell = (index: number): string => (index === -1 ? '' : (cells[index] ?? ''));
    const raw = cell(columns.email);
    // only the cells read: a stray character in a column we ignore costs no one their subscription
    const used = [columns.email, columns.firstName, columns.lastName, columns.fullName].map(cell);
    if (used.some((value) => forbiddenCharacterIn(value) !== undefined)) return problem(line, 'control_character', raw);
    if (raw.trim() === '') return problem(line, 'missing_email', raw);
    const email = normaliseEmail(raw);
    if (email === null) return problem(line, 'invalid_email', raw);
    const key = emailKey(email);
    if (this.seen.has(key)) return problem(line, 'duplicate_in_file', raw);
    this.seen.add(key);
    const hasParts = columns.firstName !== -1 || columns.lastName !== -1;
    let name = hasParts ? cleanName(cell(columns.firstName), cell(columns.lastName)) : '';
    if (name === '') name = cleanName(cell(columns.fullName));
    return { type: 'row', row: { line, email, name } };
  }
}
