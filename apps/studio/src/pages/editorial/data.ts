import type { DossierSummary, Rubrique } from '@crieur/api';
import { useApiQuery } from '../../api/queries';

export type EditorialOptions = { rubriques: Rubrique[]; dossiers: DossierSummary[] };

// rubriques change with a release, not during a visit: one request per session of the studio is plenty
const RUBRIQUES_FRESH_MS = 60 * 60_000;

/** What the article forms choose from: the rubriques and the dossiers (each cached under its own route). */
export function useEditorialOptions() {
  const rubriques = useApiQuery('GET /api/rubriques', undefined, { staleTime: RUBRIQUES_FRESH_MS });
  const dossiers = useApiQuery('GET /api/dossiers');
  const data: EditorialOptions | undefined =
    rubriques.data && dossiers.data
      ? { rubriques: rubriques.data.rubriques, dossiers: dossiers.data.dossiers }
      : undefined;
  const failed = rubriques.isError ? rubriques : dossiers.isError ? dossiers : null;
  return {
    rubriques,
    dossiers,
    /** both lists, once both arrived */
    data,
    error: failed?.error ?? null,
    retry: () => void failed?.refetch(),
  };
}
