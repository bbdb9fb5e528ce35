import { campaignsRoutes } from './campaigns';
import { dossiersRoutes } from './dossiers';
import { editorialRoutes } from './editorial';
import { growthRoutes } from './growth';
import { importsRoutes } from './imports';
import { listRoutes } from './lists';
import { mediaRoutes } from './media';
import { subscribersRoutes } from './subscribers';
import { userRoutes } from './users';

/** Every staff route. The server refuses to start with a route of its access table missing here. */
export const contract = {
  ...userRoutes,
  ...listRoutes,
  ...editorialRoutes,
  ...dossiersRoutes,
  ...mediaRoutes,
  ...subscribersRoutes,
  ...importsRoutes,
  ...campaignsRoutes,
  ...growthRoutes,
} as const;

export type ApiContract = typeof contract;
export type RouteKey = keyof ApiContract;
