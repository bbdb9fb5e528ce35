// Leaving must take one click: a link in the letter, and the List-Unsubscribe headers mail clients show as a button.
import { PLACEHOLDERS } from '@crieur/newsletter';
import { buildRecipientMessage, type CampaignForMessage } from '../campaign-messages';
import { block, ok, type PreflightItem } from './preflight-item';

export function checkUnsubscribeLink(links: readonly string[]): PreflightItem {
  return links.includes(PLACEHOLDERS.unsubscribeUrl)
    ? ok('unsubscribe-link', 'La lettre contient le lien de désinscription.')
    : block(
        'unsubscribe-link',
        'Le lien de désinscription manque dans la lettre\u00a0: rétablissez le pied de page du modèle avant d’envoyer.',
      );
}

/** The header block of a message, folded lines joined. */
const headOf = (raw: string) => raw.slice(0, raw.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ');
const field = (head: string, name: string) => new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(head)?.[1]?.trim();

/** Builds the message one reader would get (without signing) and reads its List-Unsubscribe headers. */
export function checkListUnsubscribe(
  campaign: CampaignForMessage,
  settings: Parameters<typeof buildRecipientMessage>[1],
): PreflightItem {
  let head: string;
  try {
    const message = buildRecipientMessage(campaign, { ...settings, dkim: undefined });
    const raw = Buffer.concat(
      message.render({
        email: 'lecteur@example.org',
        name: 'Lecteur',
        messageId: 'verification@example.org',
        listId: campaign.lists[0]?.id ?? 0,
        unsubscribeToken: 'verification',
        preferencesToken: 'verification',
        date: new Date(0),
      }),
    ).toString('utf8');
    head = headOf(raw);
  } catch (error) {
    return block(
      'list-unsubscribe',
      'Le message ne peut pas être préparé\u00a0: vérifiez l’expéditeur et les listes.',
      {
        detail: error instanceof Error ? error.message : String(error),
      },
    );
  }
  const unsubscribe = field(head, 'List-Unsubscribe') ?? '';
  const post = field(head, 'List-Unsubscribe-Post') ?? '';
  if (!/<https?:\/\/[^>]+>/.test(unsubscribe) || !/List-Unsubscribe=One-Click/i.test(post))
    return block(
      'list-unsubscribe',
      'L’en-tête de désinscription en un clic (List-Unsubscribe) manque\u00a0: Gmail et Yahoo refusent les envois en nombre sans lui.',
      { detail: unsubscribe || 'absent' },
    );
  return ok('list-unsubscribe', 'Les messageries proposeront la désinscription en un clic (List-Unsubscribe).');
}
