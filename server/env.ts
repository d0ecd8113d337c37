// Configuration, read once from the environment and validated with zod.
// A bad value stops the server at start with a message that names the
// variable and what is allowed (see README "Configuration").
import { z } from 'zod';
import { DatabaseUrlError, resolveDatabaseUrl, type DatabaseTarget } from './db-url';

const booleanFlag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'], {
    error: 'must be one of 1, 0, true, false, yes, no, on, off',
  })
  .transform((value) => ['1', 'true', 'yes', 'on'].includes(value));

const httpUrl = z
  .string()
  .refine((value) => {
    try {
      return ['http:', 'https:'].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, 'must be an absolute http:// or https:// URL, e.g. https://desk.example.org')
  .transform((value) => value.replace(/\/+$/, ''));

function wholeNumber(min: number, max: number, what: string) {
  const message = `must be a whole number from ${min} to ${max} (${what})`;
  return z
    .string()
    .regex(/^\d+$/, message)
    .transform(Number)
    .refine((value) => value >= min && value <= max, message);
}

function seconds(min: number, max: number) {
  const message = `must be a number of seconds from ${min} to ${max}, e.g. 30 or 2.5`;
  return z
    .string()
    .regex(/^\d+(\.\d+)?$/, message)
    .transform(Number)
    .refine((value) => value >= min && value <= max, message);
}

const rawSchema = z
  .object({
    DATABASE_URL: z.string().optional(),
    PORT: z
      .string()
      .regex(/^\d+$/, 'must be a whole number from 1 to 65535')
      .transform(Number)
      .refine((port) => port >= 1 && port <= 65535, 'must be a whole number from 1 to 65535')
      .default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    PUBLIC_URL: httpUrl.optional(),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\/[^\s]+$/, 'must be smtp://user:pass@host:port or smtps://…')
      .optional(),
    MAIL_FROM: z.email({ error: 'must be an email address (the press office mailbox)' }).default('press@example.org'),
    DESK_ADMIN_EMAIL: z.email({ error: 'must be an email address' }).optional(),
    // Long enough that an online guess is hopeless even before rate limiting.
    DESK_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
    DESK_DEMO: booleanFlag.default(true),
    DESK_BUILD_CLIENT: booleanFlag.default(true),
    SESSION_TTL_HOURS: z
      .string()
      .regex(/^\d+$/, 'must be a whole number of hours from 1 to 720')
      .transform(Number)
      .refine((hours) => hours >= 1 && hours <= 720, 'must be a whole number of hours from 1 to 720')
      .default(24),
    TRUST_PROXY: booleanFlag.default(false),
    // Interview requests a client IP / a reporter address may submit per hour.
    REQUEST_LIMIT_PER_IP: z.string().regex(/^\d+$/, 'must be a whole number (requests per hour)').transform(Number).default(30),
    REQUEST_LIMIT_PER_EMAIL: z.string().regex(/^\d+$/, 'must be a whole number (requests per hour)').transform(Number).default(10),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    DATA_DIR: z.string().min(1).default('./data'),
    // Mail delivery (server/mail/README.md, "Delivery protocol"). Seconds, decimals allowed.
    OUTBOX_CONCURRENCY: wholeNumber(1, 100, 'messages sent at once by one instance').default(4),
    OUTBOX_LEASE_SECONDS: seconds(1, 3600).default(120),
    OUTBOX_SEND_TIMEOUT_SECONDS: seconds(0.1, 1800).default(30),
    SMTP_TIMEOUT_SECONDS: seconds(0.1, 600).default(10),
    SHUTDOWN_TIMEOUT_SECONDS: seconds(1, 3600).default(10),
  })
  .refine((env) => env.OUTBOX_LEASE_SECONDS >= 2 * env.OUTBOX_SEND_TIMEOUT_SECONDS, {
    // The lease must outlast the send by a margin at least as long as the send
    // itself: that margin absorbs the "mark sent" write, event-loop stalls and
    // clock skew between instances (the at-most-once argument depends on it).
    message: 'must be at least twice OUTBOX_SEND_TIMEOUT_SECONDS (the default is 120 with a 30-second send timeout)',
    path: ['OUTBOX_LEASE_SECONDS'],
  })
  .refine((env) => Boolean(env.DESK_ADMIN_EMAIL) === Boolean(env.DESK_ADMIN_PASSWORD), {
    message: 'DESK_ADMIN_EMAIL and DESK_ADMIN_PASSWORD must be set together',
    path: ['DESK_ADMIN_PASSWORD'],
  });

export interface Config {
  database: DatabaseTarget;
  port: number;
  host: string;
  publicUrl: string;
  /** True when PUBLIC_URL is https: session cookies are then Secure. */
  secureCookies: boolean;
  smtpUrl: string | undefined;
  mailFrom: string;
  admin: { email: string; password: string } | undefined;
  demo: boolean;
  /** Build the web client at start when missing or stale (off for API-only instances). */
  buildClient: boolean;
  sessionTtlMs: number;
  trustProxy: boolean;
  requestLimits: { perIpPerHour: number; perEmailPerHour: number };
  logLevel: string;
  dataDir: string;
  outbox: OutboxSettings;
  /** How long a stop (SIGTERM) may take before the process exits regardless. */
  shutdownTimeoutMs: number;
}

export interface OutboxSettings {
  /** Messages one instance sends at once (and pooled SMTP connections). */
  concurrency: number;
  /** How long a claim on a row lasts; at least twice sendTimeoutMs. */
  leaseMs: number;
  /** Cap on one delivery attempt, counted from the claim. */
  sendTimeoutMs: number;
  /** Cap on each SMTP wait: connecting, the greeting, each reply. */
  smtpTimeoutMs: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

/**
 * Reads and validates the configuration. Throws ConfigError listing every
 * bad variable at once (name, what was wrong, what is allowed).
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings count as unset, as in most deployment tools.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = rawSchema.safeParse(present);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0] ?? 'configuration');
      problems.push(`${name}: ${issue.message}`);
    }
  }
  let database: DatabaseTarget | undefined;
  try {
    database = resolveDatabaseUrl(present.DATABASE_URL);
  } catch (error) {
    if (!(error instanceof DatabaseUrlError)) throw error;
    problems.push(error.message);
  }
  if (problems.length > 0 || !parsed.success || !database) throw new ConfigError(problems);

  const value = parsed.data;
  const publicUrl = value.PUBLIC_URL ?? `http://localhost:${value.PORT}`;
  return {
    database,
    port: value.PORT,
    host: value.HOST,
    publicUrl,
    secureCookies: publicUrl.startsWith('https:'),
    smtpUrl: value.SMTP_URL,
    mailFrom: value.MAIL_FROM.toLowerCase(),
    admin:
      value.DESK_ADMIN_EMAIL && value.DESK_ADMIN_PASSWORD
        ? { email: value.DESK_ADMIN_EMAIL.toLowerCase(), password: value.DESK_ADMIN_PASSWORD }
        : undefined,
    demo: value.DESK_DEMO,
    buildClient: value.DESK_BUILD_CLIENT,
    sessionTtlMs: value.SESSION_TTL_HOURS * 3_600_000,
    trustProxy: value.TRUST_PROXY,
    requestLimits: { perIpPerHour: value.REQUEST_LIMIT_PER_IP, perEmailPerHour: value.REQUEST_LIMIT_PER_EMAIL },
    logLevel: value.LOG_LEVEL,
    dataDir: value.DATA_DIR,
    outbox: {
      concurrency: value.OUTBOX_CONCURRENCY,
      leaseMs: Math.round(value.OUTBOX_LEASE_SECONDS * 1000),
      sendTimeoutMs: Math.round(value.OUTBOX_SEND_TIMEOUT_SECONDS * 1000),
      smtpTimeoutMs: Math.round(value.SMTP_TIMEOUT_SECONDS * 1000),
    },
    shutdownTimeoutMs: Math.round(value.SHUTDOWN_TIMEOUT_SECONDS * 1000),
  };
}
