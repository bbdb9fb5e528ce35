export { loadConfig, ConfigError, type Config } from './load-config';
export { resolveAppSecret } from './app-secret';
