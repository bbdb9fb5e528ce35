import { describe, expect, it } from 'vitest';
import { launchBlockedReason } from './launch-check';
import { block } from './preflight-item';

describe('launchBlockedReason', () => {
  it('says every block after one colon, in French, with what to do next', () => {
    const reason = launchBlockedReason([
      block('image-alt', 'Une image n’a pas de texte alternatif\u00a0: décrivez-la dans le bloc 3.'),
      block('dkim', 'DKIM_PRIVATE_KEY est illisible.'),
      block('subject', 'L’objet est vide.'),
    ]);
    expect(reason).toBe(
      'Envoi programmé arrêté par les vérifications avant envoi\u00a0: une image n’a pas de texte alternatif\u00a0: ' +
        'décrivez-la dans le bloc 3\u202f; DKIM_PRIVATE_KEY est illisible\u202f; l’objet est vide. ' +
        'Rien n’a été envoyé\u00a0: corrigez ce qui bloque, puis envoyez la lettre ou reprogrammez-la.',
    );
  });
});
