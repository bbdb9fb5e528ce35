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
      <p>
        <a href="/">Retour à l’accueil</a>
      </p>
    </MessagePage>,
  );
}
