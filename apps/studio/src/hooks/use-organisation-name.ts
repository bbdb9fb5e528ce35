import { useApiQuery } from '../api/queries';

/**
 * The association's name as staff should read it (header, tab titles, login page), never the software's:
 * loaded once, before login too, and kept; saving the identity reloads it. '' while unknown or not set yet.
 */
export function useOrganisationName(): string {
  const query = useApiQuery('GET /api/organisation/public', undefined, { staleTime: Infinity, retry: false });
  return query.data?.organisation.name.trim() ?? '';
}
