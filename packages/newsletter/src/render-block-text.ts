// One block → its text/plain part; every link of the HTML appears here as a plain URL.
import { renderText } from '@crieur/content';
import { formatClosingDay, formatEventDate } from './format-event-date.js';
import type { NewsletterBlock } from './newsletter-blocks.js';
import { resolveUrl } from './newsletter-url.js';

type Block<T extends NewsletterBlock['type']> = Extract<NewsletterBlock, { type: T }>;

const heading = (text: string) => `${text.toUpperCase()}\n${'='.repeat(Math.min(text.length, 60))}`;
const subheading = (text: string | undefined) => (text ? `${text}\n${'-'.repeat(Math.min(text.length, 60))}\n\n` : '');

function items(list: string[]): string {
  return list.join('\n\n');
}

export function renderBlockText(block: NewsletterBlock, publicUrl: string): string {
  const url = (value: string) => resolveUrl(value, publicUrl);
  const more = (value: string | undefined, label = 'En savoir plus') => (value ? `\n${label} : ${url(value)}` : '');
  switch (block.type) {
    case 'edito':
      return `${(block.title ?? 'Édito').toUpperCase()}\n\n${renderText(block.doc)}${block.signature ? `\n\n${block.signature}` : ''}`;
    case 'richText':
      return `${subheading(block.title)}${renderText(block.doc)}`;
    case 'article':
      return `${block.rubrique ? `[${block.rubrique}] ` : ''}${block.title}\n${block.lede}\nLire l’article : ${url(block.url)}`;
    case 'dossier':
      return `DOSSIER : ${block.title}\n${block.lede}\nDécouvrir le dossier : ${url(block.url)}`;
    case 'agenda':
      return (
        subheading(block.title) +
        items(
          block.events.map(
            (e: Block<'agenda'>['events'][number]) =>
              `* ${formatEventDate(e.date).full}\n${e.title}\n${e.place}${more(e.url)}`,
          ),
        )
      );
    case 'jobs':
      return (
        subheading(block.title) +
        items(
          block.offers.map(
            (o) =>
              `* ${o.title}\n${o.organisation} · ${o.place}` +
              `${o.closesOn ? `\nCandidatures jusqu’au ${formatClosingDay(o.closesOn)}` : ''}\n${url(o.url)}`,
          ),
        )
      );
    case 'membersNews':
      return subheading(block.title) + items(block.items.map((i) => `* ${i.title}\n${i.text}${more(i.url)}`));
    case 'image':
      return `[Image : ${block.alt}]${block.caption ? `\n${block.caption}` : ''}${more(block.url, 'Lien')}`;
    case 'button':
      return `${block.label} : ${url(block.url)}`;
    case 'divider':
      return '----------';
    case 'sectionTitle':
      return heading(block.text);
  }
}
