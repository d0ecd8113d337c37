import { pino, type Logger } from 'pino';

export type { Logger };

/** The root logger; requests get a child with their request id (server/app.ts). */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { app: 'interview-desk' },
    // Never log credentials or tokens, wherever they appear in a logged object.
    redact: {
      paths: ['password', '*.password', 'token', '*.token', 'req.headers.cookie', 'headers.cookie', 'cookie'],
      censor: '[redacted]',
    },
  });
}
