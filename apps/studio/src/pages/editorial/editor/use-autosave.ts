import { useCallback } from 'react';
import type { ArticleDetail, EditConflict, SaveArticleBody } from '@crieur/api';
import { call } from '../../../api/client';
import { editConflictOf, useVersionedAutosave, type AutosaveState } from '../../../hooks/use-versioned-autosave';

/** The fields the editor keeps and sends whole (PUT /api/articles/:id), without the version. */
export type ArticleFields = Required<Omit<SaveArticleBody, 'version'>>;

export type SaveState = AutosaveState<EditConflict>;

export const AUTOSAVE_DELAY_MS = 2000;

export function fieldsOf(article: ArticleDetail): ArticleFields {
  return {
    title: article.title,
    slug: article.slug,
    lede: article.lede,
    body: article.body,
    rubrique: article.rubrique.slug,
    dossierId: article.dossier?.id ?? null,
    tags: article.tags,
    authors: article.authors,
    coverMediaId: article.coverMediaId,
  };
}

/**
 * Local copy of an article's fields, saved whole (PUT with its version) 2 s after the last
 * change, through the studio's versioned autosave (one save at a time, conflicts never overwritten).
 * `initial` is the copy loaded with the page: the editor starts from it at once.
 */
export function useAutosave(initial: ArticleDetail, onSaved: (article: ArticleDetail) => void) {
  const saver = useVersionedAutosave<ArticleFields, ArticleDetail, EditConflict>({
    save: async (fields, version) => {
      const { article } = await call('PUT /api/articles/:id', {
        params: { id: initial.id },
        body: { ...fields, version },
      });
      return { saved: article, version: article.version };
    },
    conflictOf: editConflictOf,
    delayMs: AUTOSAVE_DELAY_MS,
    onSaved,
    initial: { fields: fieldsOf(initial), version: initial.version, blocked: false },
  });
  const { reset } = saver;
  /** Takes the server's copy as the new base (reload after a conflict, restore). */
  const resetTo = useCallback((article: ArticleDetail) => reset(fieldsOf(article), article.version), [reset]);
  return { ...saver, reset: resetTo };
}
