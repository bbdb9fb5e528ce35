// Every content image needs a description for people who cannot see it; alt="" marks a decorative one.
import { blockHolding } from './block-locator';
import type { HtmlImage } from './html-references';
import { block, ok, type PreflightItem } from './preflight-item';

type Found = { blockIndex: number; src: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
// undefined or null: never described; "" is a choice (decorative)
const undescribed = (image: Record<string, unknown>) =>
  typeof image.src === 'string' && (image.alt === undefined || image.alt === null);

// images are a Tiptap node { type: 'image', attrs }, an image block { type: 'image', src, alt } or a card's { image }
function collect(value: unknown, blockIndex: number, out: Found[]): void {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, blockIndex, out);
    return;
  }
  if (!isRecord(value)) return;
  const image = value.type === 'image' ? (isRecord(value.attrs) ? value.attrs : value) : value.image;
  if (isRecord(image) && undescribed(image)) out.push({ blockIndex, src: image.src as string });
  for (const [key, child] of Object.entries(value))
    if (key !== 'attrs' && key !== 'image') collect(child, blockIndex, out);
}

/** Images the staff inserted without alt text (in the saved blocks), and any <img> of the HTML without alt. */
export function checkImageAlt(blocks: readonly unknown[], htmlImages: readonly HtmlImage[] | null): PreflightItem[] {
  const found: Found[] = [];
  blocks.forEach((b, i) => collect(b, i, found));
  const items = found.map((f) =>
    block('image-alt', `Une image n’a pas de texte alternatif\u00a0: décrivez-la dans le bloc ${f.blockIndex + 1}.`, {
      detail: f.src,
      blockIndex: f.blockIndex,
    }),
  );
  for (const img of htmlImages ?? []) {
    if (img.alt !== null || found.some((f) => f.src === img.src)) continue;
    const blockIndex = blockHolding(blocks, img.src);
    items.push(
      block('image-alt', 'Une image de la lettre n’a pas d’attribut alt\u00a0: ajoutez-lui un texte alternatif.', {
        detail: img.src,
        ...(blockIndex === undefined ? {} : { blockIndex }),
      }),
    );
  }
  return items.length > 0 ? items : [ok('image-alt', 'Chaque image a un texte alternatif.')];
}
