import { useCallback } from 'react';
import type { DossierDetail, EditConflict, SaveDossierBody } from '@crieur/api';
import { ApiError } from '../../../api/api-error';
import { call } from '../../../api/client';
import { useVersionedAutosave } from '../../../hooks/use-versioned-autosave';

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

function conflictOf(error: ApiError, fallback: number): EditConflict {
  const current = error.details.current as Partial<EditConflict> | undefined;
  return {
    version: typeof current?.version === 'number' ? current.version : fallback,
    updatedAt: typeof current?.updatedAt === 'string' ? current.updatedAt : new Date().toISOString(),
    updatedBy: typeof current?.updatedBy === 'string' ? current.updatedBy : null,
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
    conflictOf: (error, version) =>
      error instanceof ApiError && error.code === 'EDIT_CONFLICT' ? conflictOf(error, version) : null,
    delayMs: DOSSIER_AUTOSAVE_MS,
    onSaved,
    initial: { fields: fieldsOf(initial), version: initial.version, blocked: false },
  });
  const { reset } = saver;
  /** Takes the server's copy as the new base (reload after a conflict). */
  const resetTo = useCallback((dossier: DossierDetail) => reset(fieldsOf(dossier), dossier.version), [reset]);
  return { ...saver, reset: resetTo };
}
