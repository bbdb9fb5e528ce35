import { listLists } from '../../api/endpoints';
import type { MailingList } from '../../api/types';

export const loadLists = () => listLists().then((answer) => answer.lists);

/** Lists whose legal basis is consent need a written origin of that consent ("bulletin papier signé à l'AG…"). */
export const needsConsentSource = (list: MailingList | undefined) => list?.legalBasis === 'consent';
