import { articleCommentsRoutes } from './article-comments';
import { campaignsRoutes } from './campaigns';
import { dossiersRoutes } from './dossiers';
import { editorialRoutes } from './editorial';
import { growthRoutes } from './growth';
import { importsRoutes } from './imports';
import { listRoutes } from './lists';
import { mediaRoutes } from './media';
import { passwordResetRoutes } from './password-reset';
import { subscribersRoutes } from './subscribers';
import { userRoutes } from './users';
import { organisationRoutes } from './organisation';
import { onboardingRoutes } from './onboarding';
import { preflightRoutes } from './preflight';
import { embedFormRoutes } from './embed-form';
import { legalPagesRoutes } from './legal-pages';
import { contributionFillRoutes } from './contributions-fill';
import { contributionsRoutes } from './contributions-api';

/** Every staff route. The server refuses to start with a route of its access table missing here. */
export const contract = {
  ...userRoutes,
  ...passwordResetRoutes,
  ...organisationRoutes,
  ...embedFormRoutes,
  ...legalPagesRoutes,
  ...onboardingRoutes,
  ...listRoutes,
  ...editorialRoutes,
  ...articleCommentsRoutes,
  ...dossiersRoutes,
  ...mediaRoutes,
  ...subscribersRoutes,
  ...importsRoutes,
  ...campaignsRoutes,
  ...preflightRoutes,
  ...growthRoutes,
  ...contributionFillRoutes,
  ...contributionsRoutes,
} as const;

export type ApiContract = typeof contract;
export type RouteKey = keyof ApiContract;
