import { useApiQuery } from '../api/queries';

/** The association's logo as the studio's header shows it; null until an admin chooses one. */
export type OrganisationLogo = { url: string; alt: string };

function usePublicOrganisation() {
  return useApiQuery('GET /api/organisation/public', undefined, { staleTime: Infinity, retry: false });
}

/**
 * The association's name as staff should read it (header, tab titles, login page), never the software's:
 * loaded once, before login too, and kept; saving the identity reloads it. '' while unknown or not set yet.
 */
export function useOrganisationName(): string {
  return usePublicOrganisation().data?.organisation.name.trim() ?? '';
}

/** The association's logo (same request as the name, so no second round trip). */
export function useOrganisationLogo(): OrganisationLogo | null {
  return usePublicOrganisation().data?.organisation.logo ?? null;
}
