// One campaign's content: which newsletter, its subject and preheader, and its blocks.
import { z } from 'zod';
import { NewsletterBlock, withSectionTitles } from './newsletter-blocks.js';
import { holdsReservedToken } from './placeholders.js';

export const NewsletterKind = z.enum(['membres', 'adherents', 'democraties']);
export type NewsletterKind = z.infer<typeof NewsletterKind>;

const noToken = (value: string) => !holdsReservedToken(value);

export const NewsletterContent = z.object({
  kind: NewsletterKind,
  subject: z
    .string()
    .trim()
    .min(1, 'L’objet est obligatoire')
    .max(200)
    .refine(noToken, 'Marqueur réservé « %%CRIEUR_ »'),
  // the grey line mail clients show after the subject; empty lets them pick the first text
  preheader: z.string().trim().max(200).refine(noToken, 'Marqueur réservé « %%CRIEUR_ »'),
  // an empty section title reads as its default heading: renderers always get one to show
  blocks: z.array(NewsletterBlock).max(60).transform(withSectionTitles),
});
export type NewsletterContent = z.infer<typeof NewsletterContent>;
