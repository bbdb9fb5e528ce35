import type { DestinationStream, Logger } from 'pino';
import { createSafeLogger } from '@crieur/safe-text';

// Links in mail carry tokens in the path: they must never reach the logs.
const TOKEN_PATH =
  /^(\/(?:api\/)?(?:invitations?|password-reset|confirm|unsubscribe|preferences|studio\/(?:invitation|password-reset))\/)[^/?#]+/;

export function maskUrl(url: string): string {
  const [pathPart = '', query] = url.split('?', 2);
  const masked = pathPart.replace(TOKEN_PATH, '$1:token');
  return query === undefined ? masked : `${masked}?…`;
}

// errors, strings and messages are made safe by createSafeLogger; the server adds its request shapes
export function createLogger(options: { level: string; name: string; destination?: DestinationStream }): Logger {
  return createSafeLogger({
    ...options,
    redact: {
      paths: [
        'password',
        '*.password',
        'token',
        '*.token',
        'req.headers.cookie',
        'req.headers.authorization',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
      ],
      censor: '[redacted]',
    },
    serializers: {
      // no IP, no headers, no query string: personal data stays out of logs
      req: (req: { method: string; url: string; id?: string }) => ({
        id: req.id,
        method: req.method,
        url: maskUrl(req.url),
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  });
}
