// The association's name and postal address on every public page: read from the organisation row at start, after
// each change in the studio, and every minute (another server process may have saved it). Until a name is saved, the
// association this installation was made for.
import { frenchOf } from '@crieur/content';

export type SiteIdentity = { name: string; postalAddress: string };

const FALLBACK: SiteIdentity = {
  name: 'Institut de la concertation et de la participation citoyenne',
  postalAddress: '',
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

export function setSiteIdentity(next: { name: string; postalAddress: string }): void {
  const name = next.name.trim() || FALLBACK.name;
  const postalAddress = next.postalAddress.trim();
  if (name === current.name && postalAddress === current.postalAddress) return;
  current = { name, postalAddress };
  stamp++;
}

/** « le média de l’Institut… »: the tagline under the site's name. */
export function mediaOf(identity: SiteIdentity): string {
  return `le média ${frenchOf(identity.name)}`;
}
