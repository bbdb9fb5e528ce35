import { call } from './client';

/** The staff API's calls not yet made through the contract; each domain's file goes once its pages use call(). */
export const listLists = () => call('GET /api/lists');
