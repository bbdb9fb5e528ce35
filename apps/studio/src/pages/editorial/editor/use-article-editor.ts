import { wordCount } from '@crieur/content';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState, type MouseEvent } from 'react';
import type { ArticleDetail } from '@crieur/api';
import { routePath } from '@crieur/api/client-path';
import { call } from '../../../api/client';
import { queryKeyOf } from '../../../api/queries';
import { docToPlainText } from './plain-text';
import { useAutosave } from './use-autosave';

/** The reader's view of an article (its working version), as an HTML page: opened in a new tab. */
export const previewUrl = (id: string) => routePath('/api/articles/:id/preview', { id }, undefined);

/**
 * The editor's state: the article as the server last answered (status, rights, live version), the fields being
 * autosaved, and what the page does with them (reload after a conflict, restore, preview, a workflow step).
 */
export function useArticleEditor(initial: ArticleDetail) {
  const queryClient = useQueryClient();
  const [article, setArticle] = useState(initial);
  // bumps when the body comes from the server again (conflict reload, restore): the editor remounts
  const [bodyGeneration, setBodyGeneration] = useState(0);
  const bodyText = useRef<(() => string) | null>(null);

  // each save, restore or workflow step may add a version to the history panel
  const revisionsChanged = useCallback(
    () =>
      void queryClient.invalidateQueries({
        queryKey: queryKeyOf('GET /api/articles/:id/revisions', { params: { id: initial.id } }),
      }),
    [queryClient, initial.id],
  );
  const onSaved = useCallback(
    (saved: ArticleDetail) => {
      // keep the server's status, transitions, live version and comments; the fields stay the local ones
      setArticle(saved);
      revisionsChanged();
    },
    [revisionsChanged],
  );
  const save = useAutosave(initial, onSaved);
  const { fields, reset } = save;

  const words = useMemo(() => {
    if (!fields) return 0;
    try {
      return wordCount(fields.body);
    } catch {
      // a document the schema refuses (the server will say why on save): count roughly
      return docToPlainText(fields.body).match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
    }
  }, [fields]);

  const applyServer = (fresh: ArticleDetail) => {
    setArticle(fresh);
    reset(fresh);
    setBodyGeneration((n) => n + 1);
    revisionsChanged();
  };

  const reloadTheirs = async () => {
    const { article: fresh } = await call('GET /api/articles/:id', { params: { id: article.id } });
    applyServer(fresh);
  };

  /** A workflow step answered: the fields stay, the status, rights and live version are the server's. */
  const stepDone = (fresh: ArticleDetail) => {
    save.setVersion(fresh.version);
    setArticle(fresh);
    revisionsChanged();
    // a step's note is a comment of its kind: the comments panel reads it again
    void queryClient.invalidateQueries({
      queryKey: queryKeyOf('GET /api/articles/:id/comments', { params: { id: initial.id } }),
    });
  };

  const myText = () =>
    fields
      ? [fields.title, fields.lede, bodyText.current ? bodyText.current() : docToPlainText(fields.body)]
          .filter(Boolean)
          .join('\n\n')
      : '';

  const openPreview = (event: MouseEvent<HTMLAnchorElement>) => {
    if (!save.hasUnsaved()) return;
    // save first so the preview shows the latest text; the tab opens now (popup blockers) and loads after
    event.preventDefault();
    const tab = window.open('about:blank', '_blank');
    void save.flush().then(() => {
      if (tab) tab.location.href = previewUrl(article.id);
    });
  };

  return {
    article,
    fields,
    save,
    words,
    bodyText,
    bodyGeneration,
    applyServer,
    reloadTheirs,
    stepDone,
    myText,
    openPreview,
    conflict: save.state.kind === 'conflict' ? save.state.conflict : null,
  };
}
