import type { ApiContract, MailingList, ParamsOf } from '@crieur/api';
import { routePath, splitKey } from '@crieur/api/client-path';

/** Lists whose legal basis is consent need a written origin of that consent ("bulletin papier signé à l'AG…"). */
export const needsConsentSource = (list: MailingList | undefined) => list?.legalBasis === 'consent';

type Download = 'GET /api/lists/:slug/export' | 'GET /api/imports/:id/report.csv';

/** A CSV route of the contract as a plain link target: the browser downloads it with the session cookie. */
export const downloadUrl = <K extends Download>(key: K, params: ParamsOf<ApiContract[K]>) =>
  routePath(splitKey(key).path, params as Record<string, string>, undefined);
