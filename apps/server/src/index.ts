export { buildServer, type ServerDeps } from './build-server';
export { ROUTE_ACCESS } from './auth/permissions';
export { createLogger, maskUrl } from './logger';
