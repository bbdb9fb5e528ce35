import { useCallback } from 'react';
import type { DossierDetail, EditConflict, SaveDossierBody } from '@crieur/api';
import { call } from '../../../api/client';
import { editConflictOf, useVersionedAutosave } from '../../../hooks/use-versioned-autosave';

/** The working version's fields, sent whole (PUT /api/dossiers/:id), without the version. */
export type DossierFields = Required<Omit<SaveDossierBody, 'version'>>;

export const DOSSIER_AUTOSAVE_MS = 2000;

export function fieldsOf(dossier: DossierDetail): DossierFields {
  return {
    title: dossier.title,
    slug: dossier.slug,
    lede: dossier.lede,
    editorialNote: dossier.editorialNote,
    coverMediaId: dossier.coverMediaId,
  };
}

/** The dossier's fields, saved whole 2 s after the last change over the version they started from. */
export function useDossierAutosave(initial: DossierDetail, onSaved: (dossier: DossierDetail) => void) {
  const saver = useVersionedAutosave<DossierFields, DossierDetail, EditConflict>({
    save: async (fields, version) => {
      const { dossier } = await call('PUT /api/dossiers/:id', {
        params: { id: initial.id },
        body: { ...fields, version },
      });
      return { saved: dossier, version: dossier.version };
    },
    conflictOf: editConflictOf,
    delayMs: DOSSIER_AUTOSAVE_MS,
    onSaved,
    initial: { fields: fieldsOf(initial), version: initial.version, blocked: false },
  });
  const { reset } = saver;
  /** Takes the server's copy as the new base (reload after a conflict). */
  const resetTo = useCallback((dossier: DossierDetail) => reset(fieldsOf(dossier), dossier.version), [reset]);
  return { ...saver, reset: resetTo };
}
