// Configuration, read once from the environment and validated with zod.
// A bad value stops the server at start with a message that names the
// variable and what is allowed (see README "Configuration").
import proxyAddr from 'proxy-addr';
import { z } from 'zod';
import { DatabaseUrlError, resolveDatabaseUrl, type DatabaseTarget } from './db-url';
import { parseReminderOffsets } from './reminders/plan-reminders';

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

const wholeNumber = (what: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `must be a whole number ${what} from ${min} to ${max}`)
    .transform(Number)
    .refine((value) => value >= min && value <= max, `must be a whole number ${what} from ${min} to ${max}`);

/**
 * TRUST_PROXY as Express's `trust proxy` takes it, minus `true`: a hop count
 * (how many proxies stand in front of us; the client is the address the
 * outermost trusted one saw) or a list of proxy addresses / CIDR ranges
 * (`loopback`, `linklocal`, `uniquelocal` too). `true` would trust every hop,
 * so any client could choose its own IP with X-Forwarded-For: refused.
 */
const trustProxySetting = z.string().transform((value, context) => {
  const text = value.trim().toLowerCase();
  if (['0', 'false', 'no', 'off'].includes(text)) return false as const;
  if (/^\d+$/.test(text)) return Number(text);
  if (['true', 'yes', 'on', 'all'].includes(text)) {
    context.addIssue({ code: 'custom', message: 'trusting every hop lets any client pick its own IP; give the number of proxies in front of the server (e.g. 1) or their addresses (e.g. 10.0.0.0/8, loopback)' });
    return z.NEVER;
  }
  const list = text.split(',').map((item) => item.trim()).filter(Boolean);
  try {
    proxyAddr.compile(list);
  } catch (error) {
    context.addIssue({ code: 'custom', message: `must be a number of proxies or a comma-separated list of IP addresses, CIDR ranges, loopback, linklocal or uniquelocal (${(error as Error).message})` });
    return z.NEVER;
  }
  return list;
});

/** A key of at least 256 bits, as base64 (what `openssl rand -base64 32` prints) or hex. */
const secretKeySetting = z.string().transform((value, context) => {
  const keys = value.split(',').map((item) => item.trim()).filter(Boolean).map(decodeKey);
  if (keys.length === 0 || keys.some((key) => key === null)) {
    context.addIssue({ code: 'custom', message: 'must be at least 32 random bytes as base64 or hex, e.g. the output of `openssl rand -base64 32` (several keys: comma-separated)' });
    return z.NEVER;
  }
  return keys as Buffer[];
});

function decodeKey(text: string): Buffer | null {
  const key = /^[0-9a-f]+$/i.test(text) && text.length % 2 === 0 ? Buffer.from(text, 'hex') : /^[A-Za-z0-9+/_-]+={0,2}$/.test(text) ? Buffer.from(text, 'base64') : null;
  return key && key.length >= 32 ? key : null;
}

/** Whether a URL's host is this machine (the demo office is only offered there unless asked for). */
export function isLoopbackUrl(url: string): boolean {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(host) || host === '::1';
}

function boundedCount(min: number, max: number, what: string) {
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
    // A video meeting server whose rooms are made by visiting <base>/<room name> (e.g. a Jitsi Meet server).
    VIDEO_ROOM_BASE_URL: z
      .string()
      .regex(/^https:\/\/[^\s?#]+$/, 'must be an https:// URL without query or fragment, e.g. https://meet.example.org')
      .optional(),
    MAIL_FROM: z.email({ error: 'must be an email address (the press office mailbox)' }).default('press@example.org'),
    DESK_ADMIN_EMAIL: z.email({ error: 'must be an email address' }).optional(),
    // Long enough that an online guess is hopeless even before rate limiting.
    DESK_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
    // Unset: the demo office only when PUBLIC_URL is this machine (see isLoopbackUrl).
    DESK_DEMO: booleanFlag.optional(),
    DESK_BUILD_CLIENT: booleanFlag.default(true),
    SESSION_TTL_HOURS: z
      .string()
      .regex(/^\d+$/, 'must be a whole number of hours from 1 to 720')
      .transform(Number)
      .refine((hours) => hours >= 1 && hours <= 720, 'must be a whole number of hours from 1 to 720')
      .default(24),
    TRUST_PROXY: trustProxySetting.default(false),
    SECRET_KEY: secretKeySetting.optional(),
    SECRET_KEY_PREVIOUS: secretKeySetting.optional(),
    // How long a reporter's hold may block a slot, and how many a reporter
    // (normalised address) or an IP may have with one spokesperson at once.
    HOLD_MAX_HOURS: wholeNumber('of hours', 1, 720).default(48),
    HOLD_LIMIT_PER_EMAIL: wholeNumber('of holds', 0, 100).default(2),
    HOLD_LIMIT_PER_IP: wholeNumber('of holds', 0, 1000).default(4),
    // Interview requests a client IP / a reporter address may submit per hour.
    REQUEST_LIMIT_PER_IP: z.string().regex(/^\d+$/, 'must be a whole number (requests per hour)').transform(Number).default(30),
    REQUEST_LIMIT_PER_EMAIL: z.string().regex(/^\d+$/, 'must be a whole number (requests per hour)').transform(Number).default(10),
    // Whether a reporter's move of a confirmed interview needs the desk's approval (default) or books at once.
    REPORTER_MOVES: z.enum(['approval', 'direct'], { error: 'must be approval or direct' }).default('approval'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    DATA_DIR: z.string().min(1).default('./data'),
    // Email reminders before each interview, to the reporter and the spokesperson: "24h,1h"; "none" turns them off.
    REMINDER_OFFSETS: z
      .string()
      .transform((text, context) => {
        if (text.trim().toLowerCase() === 'none') return [];
        const offsets = parseReminderOffsets(text);
        if ('error' in offsets) {
          context.addIssue({ code: 'custom', message: `must be durations such as 24h,1h (or none): ${offsets.error}` });
          return z.NEVER;
        }
        return offsets;
      })
      .default([1440, 60]),
    // Mail delivery (server/mail/README.md, "Delivery protocol"). Seconds, decimals allowed.
    OUTBOX_CONCURRENCY: boundedCount(1, 100, 'messages sent at once by one instance').default(4),
    OUTBOX_LEASE_SECONDS: seconds(1, 3600).default(120),
    OUTBOX_SEND_TIMEOUT_SECONDS: seconds(0.1, 1800).default(30),
    SMTP_TIMEOUT_SECONDS: seconds(0.1, 600).default(10),
    SHUTDOWN_TIMEOUT_SECONDS: seconds(1, 3600).default(10),
    // The bearer token GET /metrics asks for; unset, /metrics does not exist. Long enough that guessing is hopeless.
    METRICS_TOKEN: z.string().regex(/^[\x21-\x7e]{32,200}$/, 'must be 32 to 200 visible ASCII characters, e.g. openssl rand -hex 32').optional(),
    // Webhooks and desk alerts (server/webhooks/). Private targets are refused
    // unless allowed: the server would otherwise POST into its own network (SSRF).
    WEBHOOKS_ALLOW_PRIVATE: booleanFlag.default(false),
    WEBHOOKS_TIMEOUT_SECONDS: seconds(1, 60).default(10),
    WEBHOOKS_CONCURRENCY: boundedCount(1, 100, 'HTTP deliveries made at once by one instance').default(8),
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
  /** Base of generated video-room links, without a trailing slash; undefined: links are pasted by hand. */
  videoRoomBaseUrl: string | undefined;
  mailFrom: string;
  admin: { email: string; password: string } | undefined;
  demo: boolean;
  /** Build the web client at start when missing or stale (off for API-only instances). */
  buildClient: boolean;
  sessionTtlMs: number;
  /** Express `trust proxy`: false (nobody), a hop count, or proxy addresses/CIDRs. */
  trustProxy: false | number | string[];
  /** SECRET_KEY and SECRET_KEY_PREVIOUS; without SECRET_KEY the key file under DATA_DIR is current (server/secrets.ts). */
  secretKeys: { current: Buffer | undefined; previous: Buffer[] };
  holds: { maxMs: number; perEmail: number; perIp: number };
  requestLimits: { perIpPerHour: number; perEmailPerHour: number };
  /** approval: a reporter's move of a confirmed interview waits for the desk; direct: it books at once. */
  reporterMoves: 'approval' | 'direct';
  logLevel: string;
  dataDir: string;
  /** Minutes before an interview at which both parties get an email reminder, longest first. */
  reminderOffsetsMinutes: number[];
  outbox: OutboxSettings;
  /** The outbox's HTTP lane: webhooks and desk alerts. */
  webhooks: { allowPrivate: boolean; timeoutMs: number; concurrency: number };
  /** How long a stop (SIGTERM) may take before the process exits regardless. */
  shutdownTimeoutMs: number;
  /** Bearer token for GET /metrics; undefined: no metrics endpoint. */
  metricsToken: string | undefined;
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
    videoRoomBaseUrl: value.VIDEO_ROOM_BASE_URL?.replace(/\/+$/, ''),
    mailFrom: value.MAIL_FROM.toLowerCase(),
    admin:
      value.DESK_ADMIN_EMAIL && value.DESK_ADMIN_PASSWORD
        ? { email: value.DESK_ADMIN_EMAIL.toLowerCase(), password: value.DESK_ADMIN_PASSWORD }
        : undefined,
    demo: value.DESK_DEMO ?? isLoopbackUrl(publicUrl),
    buildClient: value.DESK_BUILD_CLIENT,
    sessionTtlMs: value.SESSION_TTL_HOURS * 3_600_000,
    trustProxy: value.TRUST_PROXY,
    secretKeys: { current: value.SECRET_KEY?.[0], previous: [...(value.SECRET_KEY?.slice(1) ?? []), ...(value.SECRET_KEY_PREVIOUS ?? [])] },
    holds: { maxMs: value.HOLD_MAX_HOURS * 3_600_000, perEmail: value.HOLD_LIMIT_PER_EMAIL, perIp: value.HOLD_LIMIT_PER_IP },
    requestLimits: { perIpPerHour: value.REQUEST_LIMIT_PER_IP, perEmailPerHour: value.REQUEST_LIMIT_PER_EMAIL },
    reporterMoves: value.REPORTER_MOVES,
    logLevel: value.LOG_LEVEL,
    dataDir: value.DATA_DIR,
    reminderOffsetsMinutes: value.REMINDER_OFFSETS,
    outbox: {
      concurrency: value.OUTBOX_CONCURRENCY,
      leaseMs: Math.round(value.OUTBOX_LEASE_SECONDS * 1000),
      sendTimeoutMs: Math.round(value.OUTBOX_SEND_TIMEOUT_SECONDS * 1000),
      smtpTimeoutMs: Math.round(value.SMTP_TIMEOUT_SECONDS * 1000),
    },
    webhooks: { allowPrivate: value.WEBHOOKS_ALLOW_PRIVATE, timeoutMs: Math.round(value.WEBHOOKS_TIMEOUT_SECONDS * 1000), concurrency: value.WEBHOOKS_CONCURRENCY },
    shutdownTimeoutMs: Math.round(value.SHUTDOWN_TIMEOUT_SECONDS * 1000),
    metricsToken: value.METRICS_TOKEN,
  };
}
