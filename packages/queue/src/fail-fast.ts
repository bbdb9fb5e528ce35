/** Redis did not answer a web request's queue operation in time (down, restarting or stuck). */
export class RedisDownError extends Error {
  readonly code = 'REDIS_DOWN';
  constructor(reason: string) {
    super(`Redis is not answering: ${reason}`);
    this.name = 'RedisDownError';
  }
}

// ioredis' own messages only: socket codes (ECONNREFUSED…) also come from PostgreSQL and SMTP
const DOWN = new RegExp(
  [
    "Stream isn't writeable",
    'enableOfflineQueue',
    'Connection is closed',
    'Command timed out',
    'max retries per request',
  ].join('|'),
  'i',
);

export function isRedisDownError(error: unknown): boolean {
  if (error instanceof RedisDownError) return true;
  return error instanceof Error && DOWN.test(error.message);
}

/**
 * Runs a queue operation for a web request: it answers within `ms` whatever the connection, and a
 * Redis outage becomes a RedisDownError. Job ids are deterministic, so a late success is harmless.
 */
export async function promptly<T>(operation: Promise<T>, ms = 1_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RedisDownError(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([operation, deadline]);
  } catch (error) {
    if (error instanceof RedisDownError || !isRedisDownError(error)) throw error;
    throw new RedisDownError((error as Error).message);
  } finally {
    clearTimeout(timer);
    operation.catch(() => undefined); // a late failure after the deadline must not go unhandled
  }
}
