// Images at outside addresses become media-library images when an article is saved: readers then load them
// from us, and no third party sees their IP address on each view (the reader CSP allows only our own images).
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { isSafeImageSrc, type ArticleDoc, type BlockNode, type ImageNode } from '@crieur/content';
import { createMedia, importedMedia, type Db } from '@crieur/db';
import { mediaUrl } from '../routes/media-routes';
import { fetchPublicImage, ImageFetchError, type ImageImportSettings } from './fetch-public-image';
import { writeMediaFiles } from './media-files';
import { ImageRejectedError, MAX_PIXELS, readImageHeader, resizeImage } from './resize-image';
import type { ImageHeader, ResizedImage } from './resize-image';

export type ImageImporter = {
  db: Db;
  /** DATA_DIR/uploads/media, where the media routes serve variants from. */
  mediaDir: string;
  publicUrl: string;
  settings: ImageImportSettings;
};

/** An image that could not be imported; `index` is its block in the document, `message` is French, for the editor. */
export class ExternalImageError extends Error {
  readonly index: number;
  constructor(input: { index: number; ordinal: number; image: ImageNode; reason: string }) {
    const alt = input.image.attrs.alt.length > 60 ? `${input.image.attrs.alt.slice(0, 59)}…` : input.image.attrs.alt;
    super(
      `Image ${input.ordinal} (« ${alt} ») : impossible de la copier depuis ${input.image.attrs.src} : ` +
        `${input.reason}. Enregistrez-la sur votre ordinateur puis ajoutez-la depuis la médiathèque.`,
    );
    this.name = 'ExternalImageError';
    this.index = input.index;
  }
}

const REJECTED: Record<ImageRejectedError['reason'], string> = {
  too_large: `l'image dépasse ${MAX_PIXELS / 1_000_000} mégapixels`,
  unreadable: "ce n'est pas une image lisible",
};

async function importOne(importer: ImageImporter, image: ImageNode, input: { userId: string; now: Date }) {
  const src = image.attrs.src;
  const bytes = await fetchPublicImage(src, importer.settings);
  let header: ImageHeader;
  let resized: ResizedImage;
  try {
    header = await readImageHeader(bytes);
    resized = await resizeImage(bytes, header);
  } catch (error) {
    if (error instanceof ImageRejectedError) throw new ImageFetchError(REJECTED[error.reason]);
    throw error;
  }
  // files first, then the row, as for uploads: a media row always has its files
  const id = randomUUID();
  const dir = path.join(importer.mediaDir, id);
  await writeMediaFiles(importer.mediaDir, id, resized);
  try {
    await createMedia(importer.db, {
      id,
      // the source address: the next save of the same image finds it here instead of downloading it again
      fileName: src,
      mime: `image/${header.format}`,
      width: header.upright.width,
      height: header.upright.height,
      bytes: bytes.length,
      hasAlpha: resized.hasAlpha,
      alt: image.attrs.alt.slice(0, 300),
      caption: (image.attrs.caption ?? '').slice(0, 500),
      createdBy: input.userId,
      now: input.now,
    });
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return id;
}

const withMedia = (image: ImageNode, id: string): ImageNode => ({
  ...image,
  attrs: { ...image.attrs, src: mediaUrl(id), mediaId: id },
});

/** The document with every image served by us: outside ones downloaded once, our own absolute URLs made relative. */
export async function importExternalImages(
  importer: ImageImporter,
  input: { doc: ArticleDoc; userId: string; now: Date },
): Promise<ArticleDoc> {
  const ownMedia = `${importer.publicUrl.replace(/\/+$/, '')}/media/`;
  let downloads = 0;
  let ordinal = 0;
  const content: BlockNode[] = [];
  for (const [index, block] of input.doc.content.entries()) {
    if (block.type === 'image') ordinal += 1;
    if (block.type !== 'image' || block.attrs.src.startsWith('/media/')) {
      content.push(block);
      continue;
    }
    const src = block.attrs.src;
    const local = src.startsWith(ownMedia) ? src.slice(ownMedia.length - '/media/'.length) : null;
    if (local !== null && isSafeImageSrc(local)) {
      const id = /^\/media\/([0-9a-f-]{36})\//.exec(local)?.[1];
      content.push({ ...block, attrs: { ...block.attrs, src: local, ...(id ? { mediaId: id } : {}) } });
      continue;
    }
    const known = await importedMedia(importer.db, src);
    if (known) {
      content.push(withMedia(block, known.id));
      continue;
    }
    const { maxPerSave } = importer.settings;
    if (++downloads > maxPerSave) {
      const reason = `${maxPerSave} images extérieures au plus par enregistrement`;
      throw new ExternalImageError({ index, ordinal, image: block, reason });
    }
    try {
      content.push(withMedia(block, await importOne(importer, block, input)));
    } catch (error) {
      if (!(error instanceof ImageFetchError)) throw error;
      throw new ExternalImageError({ index, ordinal, image: block, reason: error.reason });
    }
  }
  return { ...input.doc, content };
}
