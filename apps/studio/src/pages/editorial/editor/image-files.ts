import { MEDIA_MAX_BYTES, MEDIA_TYPES } from '@crieur/api/enums/dossiers';

const ACCEPTED: readonly string[] = MEDIA_TYPES;

/** Why a dropped or pasted file cannot go into the media library. */
export type RefusedFile = { file: File; reason: 'type' | 'size' };

/** Splits dropped or pasted files into the images the media library takes and the others, with the reason. */
export function sortImageFiles(files: readonly File[]): { accepted: File[]; refused: RefusedFile[] } {
  const accepted: File[] = [];
  const refused: RefusedFile[] = [];
  for (const file of files) {
    if (!ACCEPTED.includes(file.type)) refused.push({ file, reason: 'type' });
    else if (file.size === 0 || file.size > MEDIA_MAX_BYTES) refused.push({ file, reason: 'size' });
    else accepted.push(file);
  }
  return { accepted, refused };
}

/** True when pasted HTML carries text: the paste is a passage (with a picture of it), not an image. */
export function htmlHasText(html: string): boolean {
  return /[^\s\u00a0]/.test(
    html
      .replace(/<(style|script|head)[\s\S]*?<\/\1>/gi, '')
      .replace(/<[^>]*>/g, '')
      .replace(/&nbsp;/g, ' '),
  );
}
