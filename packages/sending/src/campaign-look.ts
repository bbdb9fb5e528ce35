// A letter wears its newsletter's stored branding and the association's identity (studio settings).
import type { Db, NewsletterKindName } from '@crieur/db';
import type { NewsletterOptions } from '@crieur/newsletter';
import { readBranding, readIdentity } from './email-identity';

// Georgia ships with every system: a masthead serif without a web font
export const TITLE_FONTS = {
  sans: 'Helvetica, Arial, sans-serif',
  serif: "Georgia, 'Times New Roman', serif",
} as const;

export type CampaignLook = Pick<NewsletterOptions, 'theme' | 'identity'>;

const KINDS: readonly string[] = ['membres', 'adherents', 'democraties'];

/**
 * The theme of the campaign's newsletter from its `newsletter_branding` row and the organisation's identity;
 * each is left out when not stored yet (the newsletter's built-in look and wording apply).
 */
export async function readCampaignLook(db: Db, kind: string, settings: { publicUrl: string }): Promise<CampaignLook> {
  const branding = KINDS.includes(kind) ? await readBranding(db, kind as NewsletterKindName, settings) : null;
  const { organisation, identity } = await readIdentity(db, { publicUrl: settings.publicUrl, mailFrom: '' });
  return {
    ...(branding
      ? {
          theme: {
            accent: branding.accent,
            tint: branding.tint,
            kicker: branding.kicker,
            title: branding.title,
            tagline: branding.tagline,
            titleFont: branding.titleFont === 'serif' ? TITLE_FONTS.serif : TITLE_FONTS.sans,
            identity: branding.identity,
            notice: branding.notice,
            banner: branding.banner,
          },
        }
      : {}),
    // an organisation never named keeps the letter's own footer rather than a bare host name
    ...(organisation.name.trim() ? { identity } : {}),
  };
}
