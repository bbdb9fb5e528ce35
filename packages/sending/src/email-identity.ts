// The association's identity as every email shows it: read from the database, images as absolute email URLs.
import { emailImageSize, emailImageUrl, legalLinks, type EmailImage, type LegalLinks } from '@crieur/content';
import {
  getNewsletterBranding,
  getOrganisation,
  mediaByIds,
  type Db,
  type NewsletterBranding,
  type NewsletterKindName,
  type Organisation,
} from '@crieur/db';
import { mailFromName } from '@crieur/mailer';

/** Who sends: never empty, never the software's name; and the legal pages every footer links to. */
export type SenderIdentity = { name: string; postalAddress: string; logo: EmailImage | null; legalLinks: LegalLinks };
export type Branding = NewsletterBranding & { banner: EmailImage | null };

type MediaInfo = { width: number; height: number; hasAlpha: boolean; alt: string };

// a logo sits in a 56px-high masthead row, at most 200px wide
const LOGO = { height: 56, maxWidth: 200 };
// a banner fills the 600px column
const BANNER_WIDTH = 600;

/** The email image of a media shown at most `maxWidth` px wide; alt '' makes it decorative. */
export function emailImageOf(publicUrl: string, id: string, media: MediaInfo, maxWidth: number, alt: string) {
  const size = emailImageSize(media, maxWidth);
  return { url: emailImageUrl(publicUrl, id, media.hasAlpha), ...size, alt } satisfies EmailImage;
}

/** The name every email shows: the organisation's, else MAIL_FROM's display name, else the site's host. */
export function identityName(
  organisation: Pick<Organisation, 'name'>,
  settings: { mailFrom: string; publicUrl: string },
) {
  return organisation.name.trim() || mailFromName(settings.mailFrom) || new URL(settings.publicUrl).hostname;
}

/** The organisation row and the identity emails show (name, postal address, logo). */
export async function readIdentity(
  db: Db,
  settings: { publicUrl: string; mailFrom: string },
): Promise<{ organisation: Organisation; identity: SenderIdentity }> {
  const organisation = await getOrganisation(db);
  const name = identityName(organisation, settings);
  const media = (await mediaByIds(db, [organisation.logoMediaId])).get(organisation.logoMediaId ?? '');
  const logo =
    media && organisation.logoMediaId
      ? emailImageOf(
          settings.publicUrl,
          organisation.logoMediaId,
          media,
          Math.min(LOGO.maxWidth, Math.round((LOGO.height * media.width) / Math.max(1, media.height))),
          // the logo says who sends: its alt text is the name unless staff wrote one
          media.alt.trim() || name,
        )
      : null;
  return {
    organisation,
    identity: { name, postalAddress: organisation.postalAddress, logo, legalLinks: legalLinks(settings.publicUrl) },
  };
}

/** One newsletter's branding with its banner as an email image; null when the kind has no row. */
export async function readBranding(
  db: Db,
  kind: NewsletterKindName,
  settings: { publicUrl: string },
): Promise<Branding | null> {
  const branding = await getNewsletterBranding(db, kind);
  if (!branding) return null;
  const id = branding.bannerMediaId;
  const media = id ? (await mediaByIds(db, [id])).get(id) : undefined;
  // a banner without alt text is decoration: the masthead already names the letter
  const banner = media && id ? emailImageOf(settings.publicUrl, id, media, BANNER_WIDTH, media.alt.trim()) : null;
  return { ...branding, banner };
}
