export { loadConfig, ConfigError, type Config } from './load-config';
export { resolveAppSecret } from './app-secret';
export {
  DEFAULT_SEND_PROVIDERS,
  OTHER_PROVIDER,
  parseSendProviders,
  type BouncePauseRule,
  type SendProvider,
} from './send-providers';
