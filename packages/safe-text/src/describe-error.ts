import { scrubText } from './scrub-text';

/** All a log may hold of an error: never its own fields (query, params, detail, where, response, data). */
export type SafeError = {
  type: string;
  code?: string | number;
  message: string;
  /** PostgreSQL names the constraint, table and column: identifiers, never values */
  constraint?: string;
  table?: string;
  column?: string;
  stack?: string;
  cause?: SafeError;
  errors?: SafeError[];
};

const MAX_MESSAGE = 300;
const MAX_DEPTH = 3;
const CODE = /^[\w.-]{1,40}$/;
const NAME = /^[A-Za-z_][\w.$-]{0,62}$/;
const FRAME = /^\s+at \S.*(?::\d+:\d+\)?|\(native\)|<anonymous>\)?)$/;

/** Class, code and a scrubbed message, for every error a log line holds; a thrown non-error says only its kind. */
export function describeError(error: unknown, depth = 0): SafeError {
  if (!(error instanceof Error))
    return { type: error === null ? 'null' : typeof error, message: '[a value that is not an Error was thrown]' };
  const fields = error as Error & Record<string, unknown>;
  const safe: SafeError = { type: typeName(error), message: scrubText(error.message).slice(0, MAX_MESSAGE) };
  if ((typeof fields.code === 'string' && CODE.test(fields.code)) || typeof fields.code === 'number')
    safe.code = fields.code;
  for (const key of ['constraint', 'table', 'column'] as const) {
    const value = fields[key];
    if (typeof value === 'string' && NAME.test(value)) safe[key] = value;
  }
  const frames = stackFrames(error);
  if (frames) safe.stack = frames;
  if (depth < MAX_DEPTH && error.cause !== undefined) safe.cause = describeError(error.cause, depth + 1);
  if (depth < MAX_DEPTH && error instanceof AggregateError)
    safe.errors = error.errors.slice(0, 5).map((e: unknown) => describeError(e, depth + 1));
  return safe;
}

// the stack repeats the message (drizzle's spans lines, with the parameters): only real frames are kept
function stackFrames(error: Error): string | undefined {
  const stack = error.stack ?? '';
  const at = error.message ? stack.indexOf(error.message) : -1;
  const rest = at === -1 ? stack : stack.slice(at + error.message.length);
  const frames = rest.split('\n').filter((line) => FRAME.test(line) && line.length <= 300);
  return frames.length ? frames.slice(0, 12).join('\n') : undefined;
}

// the class first: pg's DatabaseError is named "error"
function typeName(error: Error): string {
  const ctor = (error.constructor as { name?: unknown } | undefined)?.name;
  if (typeof ctor === 'string' && ctor !== 'Error' && NAME.test(ctor)) return ctor;
  return NAME.test(error.name) ? error.name : 'Error';
}
