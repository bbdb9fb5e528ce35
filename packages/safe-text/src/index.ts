export {
  findForbiddenText,
  forbiddenCharacterIn,
  forbiddenTextMessage,
  stripForbiddenCharacters,
  type ForbiddenText,
} from './control-characters';
export { describeError, type SafeError } from './describe-error';
export { createSafeLogger, safeValue, type SafeLoggerOptions } from './safe-logger';
export { scrubText } from './scrub-text';
