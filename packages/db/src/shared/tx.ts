import type { Db } from '../database';

// Shared by every domain of the package: a query function takes the database or an open transaction.
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;
