// The association's name and postal address on every public page: read from the organisation row at start, after
// each change in the studio, and every minute (another server process may have saved it). Until a name is saved, the
// association this installation was made for.
import { frenchOf } from '@crieur/content';

/** `logo`: the path of the association's logo on this site (/media/…), or null when none is chosen. */
export type SiteIdentity = { name: string; postalAddress: string; logo: string | null };

const FALLBACK: SiteIdentity = {
  name: 'Institut de la concertation et de la participation citoyenne',
  postalAddress: '',
  logo: null,
};

let current: SiteIdentity = FALLBACK;
let stamp = 0;

export function siteIdentity(): SiteIdentity {
  return current;
}

/** Changes whenever the identity does: cached pages put it in their key. */
export function siteIdentityStamp(): number {
  return stamp;
}

// a logo sits in the footer at most 64px high: the 400px-wide web variant is sharp enough on any screen
const logoPath = (mediaId: string) => `/media/${mediaId}/w400.webp`;

export function setSiteIdentity(next: { name: string; postalAddress: string; logoMediaId?: string | null }): void {
  const name = next.name.trim() || FALLBACK.name;
  const postalAddress = next.postalAddress.trim();
  const logo = next.logoMediaId ? logoPath(next.logoMediaId) : null;
  if (name === current.name && postalAddress === current.postalAddress && logo === current.logo) return;
  current = { name, postalAddress, logo };
  stamp++;
}

/** « le média de l’Institut… »: the tagline under the site's name. */
export function mediaOf(identity: SiteIdentity): string {
  return `le média ${frenchOf(identity.name)}`;
}

/** schema.org's publisher of a page at `pageUrl`: the association, with its logo as an absolute URL when it has one. */
export function publisherOf(identity: SiteIdentity, pageUrl: string) {
  return {
    '@type': 'Organization',
    name: identity.name,
    ...(identity.logo ? { logo: { '@type': 'ImageObject', url: new URL(identity.logo, pageUrl).href } } : {}),
  };
}
