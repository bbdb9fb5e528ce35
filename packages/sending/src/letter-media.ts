// Which of our media a letter shows, so its compile can size every image (card covers, image blocks, edito images).
import { mediaIdOfSrc, type ArticleDoc } from '@crieur/content';
import type { NewsletterBlock } from '@crieur/newsletter';

function docImages(doc: ArticleDoc): { src: string; mediaId?: string | undefined }[] {
  return doc.content.flatMap((node) => (node.type === 'image' ? [node.attrs] : []));
}

/** The ids of our media among the letter's images, each once; outside images have none. */
export function letterMediaIds(blocks: readonly NewsletterBlock[], publicUrl: string): string[] {
  const images = blocks.flatMap((block) => {
    switch (block.type) {
      case 'article':
      case 'dossier':
        return block.image ? [{ src: block.image.src }] : [];
      case 'image':
        return [{ src: block.src }];
      case 'edito':
      case 'richText':
        return docImages(block.doc);
      default:
        return [];
    }
  });
  const ids = images.map((image) => image.mediaId ?? mediaIdOfSrc(image.src, publicUrl));
  return [...new Set(ids.filter((id): id is string => id !== null))];
}
