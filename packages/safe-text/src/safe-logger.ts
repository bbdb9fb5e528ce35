import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { isPlain } from './control-characters';
import { describeError } from './describe-error';
import { scrubText } from './scrub-text';

export type SafeLoggerOptions = {
  level: string;
  /** written as `process` on every line: server, workers, cli… */
  name: string;
  destination?: DestinationStream;
  /** extra serializers (the server's req and res); `err` is always describeError */
  serializers?: Record<string, (value: never) => unknown>;
  redact?: LoggerOptions['redact'];
};

const MAX_DEPTH = 4;

/**
 * A pino logger that cannot write personal data by mistake: every Error anywhere in a line becomes
 * describeError (class, code, scrubbed message, frames), every string is scrubbed, and a message taken
 * from an error is scrubbed too. No call site has to remember it.
 */
export function createSafeLogger(options: SafeLoggerOptions): Logger {
  const ownSerializers = new Set(Object.keys(options.serializers ?? {}));
  return pino(
    {
      level: options.level,
      base: { process: options.name },
      redact: options.redact,
      serializers: { ...options.serializers, err: describeIfError, error: describeIfError },
      formatters: {
        bindings: (bindings) => safeValue(bindings) as Record<string, unknown>,
        log: (object) => safeFields(object, ownSerializers),
      },
      hooks: {
        logMethod(args, method) {
          const [first, ...rest] = args as unknown[];
          // pino would use err.message as the line's message: give it the scrubbed one
          if (first instanceof Error) {
            const msg = typeof rest[0] === 'string' ? rest : [describeError(first).message, ...rest];
            return method.apply(this, [{ err: first }, ...msg.map(scrubArgument)] as Parameters<typeof method>);
          }
          if (
            first !== null &&
            typeof first === 'object' &&
            rest.length === 0 &&
            'err' in first &&
            first.err instanceof Error
          ) {
            return method.apply(this, [first, describeError(first.err).message] as Parameters<typeof method>);
          }
          return method.apply(this, [first, ...rest].map(scrubArgument) as Parameters<typeof method>);
        },
      },
    },
    options.destination,
  );
}

// formatters.log ran first and made every other value safe
const describeIfError = (value: unknown) => (value instanceof Error ? describeError(value) : value);
const scrubArgument = (value: unknown) => (typeof value === 'string' ? scrubText(value) : value);

// keys with their own serializer (req, res) are left to it: they are not plain data
function safeFields(object: Record<string, unknown>, serialized: Set<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) out[key] = serialized.has(key) ? value : safeValue(value);
  return out;
}

/** Errors described, strings scrubbed, plain objects and arrays walked; other objects say only their class. */
export function safeValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (value instanceof Error) return describeError(value);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  if (depth >= MAX_DEPTH) return '[…]';
  if (Array.isArray(value)) return value.slice(0, 50).map((item) => safeValue(item, depth + 1));
  if (!isPlain(value)) return `[${(value as object).constructor?.name ?? 'object'}]`;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, safeValue(v, depth + 1)]));
}
