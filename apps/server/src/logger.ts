import { pino, type DestinationStream, type Logger } from 'pino';

// Links in mail carry tokens in the path: they must never reach the logs.
const TOKEN_PATH = /^(\/(?:api\/)?(?:invitations?|confirm|unsubscribe|preferences|studio\/invitation)\/)[^/?#]+/;

export function maskUrl(url: string): string {
  const [pathPart = '', query] = url.split('?', 2);
  const masked = pathPart.replace(TOKEN_PATH, '$1:token');
  return query === undefined ? masked : `${masked}?…`;
}

export function createLogger(options: { level: string; name: string; destination?: DestinationStream }): Logger {
  return pino(
    {
    level: options.level,
    base: { process: options.name },
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
      req: (req: { method: string; url: string; id?: string }) => ({ id: req.id, method: req.method, url: maskUrl(req.url) }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    },
    options.destination,
  );
}
