// One block → its MJML fragment. Every value is escaped here, before it meets a template.
import { emailImageSource, renderEmailHtml } from '@crieur/content';
import { escapeHtml as esc } from '@crieur/content';
import { fillSlots } from './fill-slots.js';
import { formatClosingDay, formatEventDate } from './format-event-date.js';
import type { PartialName } from './load-newsletter-templates.js';
import type { NewsletterBlock } from './newsletter-blocks.js';
import { resolveUrl } from './newsletter-url.js';
import type { RenderContext } from './render-context.js';

type Block<T extends NewsletterBlock['type']> = Extract<NewsletterBlock, { type: T }>;

function partial(ctx: RenderContext, name: PartialName, values: Record<string, string>): string {
  return fillSlots(ctx.templates.partials[name], { accent: ctx.theme.accent, tint: ctx.theme.tint, ...values });
}

/** An escaped absolute URL, ready for an href or src attribute. */
function href(ctx: RenderContext, url: string): string {
  return esc(resolveUrl(url, ctx.publicUrl));
}

// the widest each image shows at, in CSS px: the 600 px letter less its margins (a card's cover has 38 % of it)
const IMAGE_WIDTH = { column: 552, cardCover: 196 } as const;

/**
 * An image as email shows it: our media become their JPEG/PNG copy (no WebP in mail), with width and height as
 * mj-image attributes for Outlook (the head's CSS lets other clients scale the height with the width).
 */
function emailImage(ctx: RenderContext, src: string, maxWidth: number): { src: string; size: string } {
  const shown = emailImageSource({ src, publicUrl: ctx.publicUrl, media: ctx.media, maxWidth });
  const size = `${shown.width ? ` width="${shown.width}px"` : ''}${shown.height ? ` height="${shown.height}px"` : ''}`;
  return { src: esc(shown.url), size };
}

/** Plain text with its line breaks kept. */
function lines(text: string): string {
  return esc(text).replace(/\r?\n/g, '<br>');
}

/** An item's title, as the link to the item when it has one: the link says where it goes (no bare "En savoir plus"). */
function titleLink(ctx: RenderContext, title: string, url: string | undefined): string {
  if (!url) return esc(title);
  // a finger's 44 px: the padding widens what a tap hits, the negative margin keeps the line where it was
  const tap = 'display:inline-block;padding:11px 0;margin:-11px 0;';
  return `<a href="${href(ctx, url)}" style="${tap}color:${ctx.theme.accent};text-decoration:underline;">${esc(title)}</a>`;
}

function listTitle(ctx: RenderContext, title: string | undefined): string {
  return title ? partial(ctx, 'listTitle', { text: esc(title) }) : '';
}

function edito(ctx: RenderContext, block: Block<'edito'>): string {
  const signature = block.signature
    ? `<p style="margin:0;font-style:italic;color:#4a5160;">${esc(block.signature)}</p>`
    : '';
  return partial(ctx, 'edito', {
    title: esc(block.title ?? 'Édito'),
    html: renderEmailHtml(block.doc, { mediaBaseUrl: ctx.publicUrl, media: ctx.media }),
    signature,
  });
}

function richText(ctx: RenderContext, block: Block<'richText'>): string {
  const title = block.title
    ? `<h2 style="margin:0 0 12px;font-size:21px;line-height:1.3;font-weight:bold;color:#1f2430;">${esc(block.title)}</h2>`
    : '';
  const html = renderEmailHtml(block.doc, { mediaBaseUrl: ctx.publicUrl, media: ctx.media });
  return partial(ctx, 'richText', { title, html });
}

function article(ctx: RenderContext, block: Block<'article'>): string {
  const rubrique = block.rubrique
    ? `<p style="margin:0 0 4px;font-size:12px;letter-spacing:1px;text-transform:uppercase;font-weight:bold;color:${ctx.theme.accent};">${esc(block.rubrique)}</p>`
    : '';
  const url = href(ctx, block.url);
  const body = partial(ctx, 'articleCardBody', { rubrique, url, title: esc(block.title), lede: esc(block.lede) });
  if (!block.image) return partial(ctx, 'articleCardText', { body });
  const cover = emailImage(ctx, block.image.src, IMAGE_WIDTH.cardCover);
  return partial(ctx, 'articleCard', {
    body,
    url,
    imageSrc: cover.src,
    imageSize: cover.size,
    imageAlt: esc(block.image.alt),
  });
}

function dossier(ctx: RenderContext, block: Block<'dossier'>): string {
  const url = href(ctx, block.url);
  const cover = block.image && { ...emailImage(ctx, block.image.src, IMAGE_WIDTH.column), alt: esc(block.image.alt) };
  const image = cover ? partial(ctx, 'dossierImage', { ...cover, url }) : '';
  return partial(ctx, 'dossier', { label: 'Dossier', image, url, title: esc(block.title), lede: esc(block.lede) });
}

function agenda(ctx: RenderContext, block: Block<'agenda'>): string {
  const items = block.events
    .map((event) => {
      const date = formatEventDate(event.date);
      return partial(ctx, 'agendaEvent', {
        day: esc(date.day),
        month: esc(date.month),
        when: esc(date.full),
        title: titleLink(ctx, event.title, event.url),
        place: esc(event.place),
      });
    })
    .join('');
  return partial(ctx, 'listBlock', { title: listTitle(ctx, block.title), items });
}

const closingLine = (day: string) => `Candidatures jusqu’au ${formatClosingDay(day)}`;

function jobs(ctx: RenderContext, block: Block<'jobs'>): string {
  const items = block.offers
    .map((offer) =>
      partial(ctx, 'jobOffer', {
        url: href(ctx, offer.url),
        title: esc(offer.title),
        organisation: esc(offer.organisation),
        place: esc(offer.place),
        closes: offer.closesOn
          ? `<br><span style="font-size:14px;color:#4a5160;">${esc(closingLine(offer.closesOn))}</span>`
          : '',
      }),
    )
    .join('');
  return partial(ctx, 'listBlock', { title: listTitle(ctx, block.title), items });
}

function membersNews(ctx: RenderContext, block: Block<'membersNews'>): string {
  const items = block.items
    .map((item) =>
      partial(ctx, 'membersNewsItem', {
        title: titleLink(ctx, item.title, item.url),
        text: lines(item.text),
      }),
    )
    .join('');
  return partial(ctx, 'listBlock', { title: listTitle(ctx, block.title), items });
}

function image(ctx: RenderContext, block: Block<'image'>): string {
  const caption = block.caption ? partial(ctx, 'imageCaption', { text: lines(block.caption) }) : '';
  const link = block.url ? ` href="${href(ctx, block.url)}"` : '';
  const shown = emailImage(ctx, block.src, IMAGE_WIDTH.column);
  return partial(ctx, 'image', { src: shown.src, size: shown.size, alt: esc(block.alt), href: link, caption });
}

export function renderBlockMjml(ctx: RenderContext, block: NewsletterBlock): string {
  switch (block.type) {
    case 'edito':
      return edito(ctx, block);
    case 'article':
      return article(ctx, block);
    case 'dossier':
      return dossier(ctx, block);
    case 'richText':
      return richText(ctx, block);
    case 'agenda':
      return agenda(ctx, block);
    case 'jobs':
      return jobs(ctx, block);
    case 'membersNews':
      return membersNews(ctx, block);
    case 'image':
      return image(ctx, block);
    case 'button':
      return partial(ctx, 'button', { url: href(ctx, block.url), label: esc(block.label) });
    case 'divider':
      return partial(ctx, 'divider', {});
    case 'sectionTitle':
      return partial(ctx, 'sectionTitle', { text: esc(block.text) });
  }
}
