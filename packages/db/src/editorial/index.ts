export {
  listArticles,
  getArticle,
  createArticle,
  saveArticle,
  setArticleStatus,
  publishIfDue,
  scheduledArticles,
  listRevisions,
  getRevision,
  addComment,
  listComments,
  calendarItems,
  listRubriques,
  EditConflictError,
  SlugTakenError,
  type ArticleRow,
  type ArticleStatus,
  type ArticleWithRefs,
  type ArticleFields,
} from './articles';
export { listDossiers, createDossier, getDossier, updateDossier, orderDossier, type DossierRow } from './dossiers';
export { createMedia, listMedia, getMedia, importedMedia, updateMedia, type MediaRow } from './media';
export {
  publishedArticleBySlug,
  latestPublished,
  publishedDossiers,
  dossierBySlug,
  rubriqueBySlug,
  siteLastModified,
} from './reader';
