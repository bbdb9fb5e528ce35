// French typography on every text a reader sees, once, before the MJML and text renderers (never stored).
import { frenchTypography as f } from '@crieur/content';
import type { NewsletterBlock } from './newsletter-blocks.js';
import type { NewsletterContent } from './newsletter-content.js';

const opt = (value: string | undefined) => (value === undefined ? undefined : f(value));

/** One block with its texts typeset; URLs and alt texts (attributes) stay as typed, documents typeset when rendered. */
export function typesetBlock(block: NewsletterBlock): NewsletterBlock {
  switch (block.type) {
    case 'edito':
      return { ...block, title: opt(block.title), signature: opt(block.signature) };
    case 'article':
      return { ...block, title: f(block.title), lede: f(block.lede), rubrique: opt(block.rubrique) };
    case 'dossier':
      return { ...block, title: f(block.title), lede: f(block.lede) };
    case 'richText':
      return { ...block, title: opt(block.title) };
    case 'agenda':
      return {
        ...block,
        title: opt(block.title),
        events: block.events.map((e) => ({ ...e, title: f(e.title), place: f(e.place) })),
      };
    case 'jobs':
      return {
        ...block,
        title: opt(block.title),
        offers: block.offers.map((o) => ({
          ...o,
          title: f(o.title),
          organisation: f(o.organisation),
          place: f(o.place),
        })),
      };
    case 'membersNews':
      return {
        ...block,
        title: opt(block.title),
        items: block.items.map((i) => ({ ...i, title: f(i.title), text: f(i.text) })),
      };
    case 'image':
      return { ...block, caption: opt(block.caption) };
    case 'button':
      return { ...block, label: f(block.label) };
    case 'sectionTitle':
      return { ...block, text: f(block.text) };
    case 'divider':
      return block;
  }
}

/** The parsed content as readers see it: subject, preheader and every block's text typeset. */
export function typesetNewsletter(content: NewsletterContent): NewsletterContent {
  return {
    ...content,
    subject: f(content.subject),
    preheader: f(content.preheader),
    blocks: content.blocks.map(typesetBlock),
  };
}
