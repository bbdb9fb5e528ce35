export {
  listArticles,
  getArticle,
  createArticle,
  saveArticle,
  snapshotArticle,
  liveView,
  calendarItems,
  listRubriques,
  EditConflictError,
  SlugTakenError,
  type ArticleRow,
  type ArticleStatus,
  type ArticleWithRefs,
  type ArticleFields,
  type LiveVersion,
  type RevisionStep,
} from './articles';
export {
  applyArticleTransition,
  setArticleStatus,
  publishIfDue,
  scheduledArticles,
  type NotifyInTx,
} from './article-workflow';
export { listRevisions, getRevision } from './article-revisions';
export {
  addComment,
  listComments,
  getComment,
  setCommentResolved,
  type CommentKind,
  type CommentRow,
} from './comments';
export { reviewQueue, myArticles, type ReviewQueueRow, type MyArticleRow } from './review-lists';
export {
  listDossiers,
  createDossier,
  getDossier,
  type DossierRow,
  type DossierLive,
  type DossierWithArticles,
} from './dossiers';
export { saveDossier, type DossierFields } from './save-dossier';
export {
  addArticleToDossier,
  removeArticleFromDossier,
  orderDossier,
  searchDossierCandidates,
  type DossierCandidate,
} from './dossier-articles';
export {
  publishDossier,
  publishDossierIfDue,
  scheduleDossier,
  unscheduleDossier,
  unpublishDossier,
  scheduledDossiers,
  DossierStateError,
} from './publish-dossier';
export { publishedDossiers, dossierBySlug, type LiveDossier } from './dossier-reader';
export { createMedia, listMedia, getMedia, importedMedia, updateMedia, type MediaRow } from './media';
export { publishedArticleBySlug, latestPublished, rubriqueBySlug, siteLastModified } from './reader';
export { liveTags, articlesWithLiveTag } from './tags';
export { mediaByIds } from './reader-media';
export { relatedArticles, dossierArticleCounts } from './related-articles';
