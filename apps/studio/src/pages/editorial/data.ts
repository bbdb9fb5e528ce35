import { listDossiers, listRubriques } from '../../api/endpoints';
import type { DossierSummary, Rubrique } from '../../api/types';

// rubriques and dossiers change rarely: one request per visit of the section is plenty
let rubriques: Promise<Rubrique[]> | null = null;

export function loadRubriques(): Promise<Rubrique[]> {
  rubriques ??= listRubriques().then(
    (answer) => answer.rubriques,
    (error: unknown) => {
      rubriques = null; // a failure is not cached: the next page tries again
      throw error;
    },
  );
  return rubriques;
}

export const loadDossiers = (): Promise<DossierSummary[]> => listDossiers().then((answer) => answer.dossiers);

export type EditorialOptions = { rubriques: Rubrique[]; dossiers: DossierSummary[] };

export const loadOptions = (): Promise<EditorialOptions> =>
  Promise.all([loadRubriques(), loadDossiers()]).then(([r, d]) => ({ rubriques: r, dossiers: d }));
