// A cover as feed readers can show it: the email copy (JPEG, or PNG when transparent), which every reader decodes.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { EMAIL_VARIANT_MAX_WIDTH } from '@crieur/content';
import type { MediaRow } from '@crieur/db';
import type { AtomImage } from '../public/atom-feed';
import { emailFileName, type EmailFormat } from './email-variant';
import { ensureEmailVariant } from './media-files';

export type FeedImages = {
  /** The cover's entry in a feed; null when its files are gone. */
  of(row: MediaRow): Promise<AtomImage | null>;
};

/** `dir` is the media folder; `baseUrl` the site's public address. Sizes are remembered: files never change. */
export function feedImages(dir: string, baseUrl: string): FeedImages {
  const lengths = new Map<string, number>();
  const lengthOf = async (id: string, format: EmailFormat): Promise<number | null> => {
    const file = path.join(dir, id, emailFileName(format));
    const known = lengths.get(file);
    if (known !== undefined) return known;
    // a media stored before email copies existed gets its copy now, as the /media route would on first request
    const size = await stat(file)
      .catch(async () => ((await ensureEmailVariant(dir, id, format)) ? stat(file) : null))
      .catch(() => null);
    if (!size) return null;
    if (lengths.size > 5000) lengths.clear();
    lengths.set(file, size.size);
    return size.size;
  };
  return {
    async of(row) {
      const format: EmailFormat = row.hasAlpha ? 'png' : 'jpg';
      const length = await lengthOf(row.id, format);
      if (length === null) return null;
      const width = Math.min(EMAIL_VARIANT_MAX_WIDTH, row.width);
      return {
        url: `${baseUrl}/media/${row.id}/${emailFileName(format)}`,
        type: format === 'png' ? 'image/png' : 'image/jpeg',
        length,
        width,
        height: Math.max(1, Math.round((row.height * width) / row.width)),
        alt: row.alt,
        credit: row.credit ?? '',
      };
    },
  };
}
