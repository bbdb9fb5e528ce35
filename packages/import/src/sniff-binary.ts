import { ImportFileError } from './import-file-error';

const SPREADSHEET =
  'Ce fichier est un classeur (Excel ou LibreOffice), pas un CSV : ouvrez-le, choisissez « Enregistrer sous » puis « CSV (séparateur : point-virgule) », et importez ce nouveau fichier.';

const MAGIC: { bytes: number[]; message?: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], message: SPREADSHEET }, // zip: .xlsx, .ods
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], message: SPREADSHEET }, // OLE: old .xls
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { bytes: [0x89, 0x50, 0x4e, 0x47] }, // PNG
  { bytes: [0xff, 0xd8, 0xff] }, // JPEG
  { bytes: [0x47, 0x49, 0x46, 0x38] }, // GIF
];

function startsWith(head: Buffer, bytes: number[]): boolean {
  return bytes.every((byte, i) => head[i] === byte);
}

/** Throws NOT_TEXT for known binary formats and for 8-bit text full of control bytes; UTF-16 is checked after decoding. */
export function assertText(head: Buffer, isUtf16: boolean): void {
  for (const magic of MAGIC) {
    if (startsWith(head, magic.bytes)) throw new ImportFileError('NOT_TEXT', magic.message);
  }
  if (isUtf16) return;
  let control = 0;
  for (const byte of head) {
    // tab, LF, FF, CR are text; other C0 controls, NUL included, are not: a stray one is a reported line
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) control++;
  }
  if (control > head.length / 100) throw new ImportFileError('NOT_TEXT');
}
