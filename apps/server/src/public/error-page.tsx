import type { ApiError } from '../http/api-error';
import { MessagePage, renderPage } from './layout';

const TEXTS: Partial<Record<ApiError['code'], [string, string]>> = {
  RATE_LIMITED: [
    'Trop de tentatives',
    'Vous avez envoyé beaucoup de demandes en peu de temps. Patientez une minute, puis réessayez.',
  ],
  VALIDATION: [
    'Demande incomplète',
    'La demande n’a pas pu être lue. Revenez à la page précédente et vérifiez le formulaire.',
  ],
  NOT_FOUND: [
    'Page introuvable',
    'Cette adresse ne correspond à aucune page. Vérifiez le lien, ou repartez de l’accueil.',
  ],
  REDIS_UNAVAILABLE: [
    'Service momentanément indisponible',
    'Une partie de nos serveurs ne répond pas pour le moment. Réessayez dans quelques minutes.',
  ],
};

export function publicErrorPage(error: ApiError): string {
  const [heading, generic] = TEXTS[error.code] ?? [
    'Une erreur est survenue',
    'Le problème vient de chez nous. Réessayez dans quelques minutes.',
  ];
  // the input rule names the field in French: the reader learns what to fix
  const text = error.code === 'VALIDATION' && typeof error.extra.field === 'string' ? error.message : generic;
  return renderPage(
    heading,
    <MessagePage heading={heading}>
      <p>{text}</p>
      {error.code === 'NOT_FOUND' && <SearchInstead />}
      <p>
        <a href="/">Retour à l’accueil</a>
      </p>
    </MessagePage>,
  );
}

// a reader who followed a broken link is often looking for an article: the search is one step away
function SearchInstead() {
  return (
    <form role="search" aria-label="Rechercher un article" action="/recherche" method="get" className="search-form">
      <label htmlFor="recherche-introuvable">Chercher un article</label>
      <div className="search-row">
        <input type="search" id="recherche-introuvable" name="q" maxLength={200} />
        <button type="submit">Rechercher</button>
      </div>
    </form>
  );
}
