// Gmail hides what comes after 102 KB of HTML behind "[Message tronqué]": the footer and its unsubscribe link.
import { GMAIL_CLIP_BYTES } from '@crieur/newsletter';
import { ok, warning, type PreflightItem } from './preflight-item';

const kb = (bytes: number) =>
  `${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(bytes / 1024)}\u00a0Ko`;

export function checkSize(bytes: number): PreflightItem {
  if (bytes > GMAIL_CLIP_BYTES)
    return warning(
      'size',
      `La lettre pèse ${kb(bytes)}\u00a0: Gmail coupe au-delà de 102\u00a0Ko et cache la fin (dont le lien de désinscription). Retirez des blocs ou raccourcissez les textes.`,
      { detail: `${bytes} octets` },
    );
  return ok('size', `La lettre pèse ${kb(bytes)} (Gmail coupe au-delà de 102\u00a0Ko).`);
}
