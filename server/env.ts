// Configuration, read once from the environment and validated with zod.
// A bad value stops the server at start with a message that names the
// variable and what is allowed (see README "Configuration").
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
    DESK_DEMO: booleanFlag.default(true),
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
  sessionTtlMs: number;
  trustProxy: boolean;
  requestLimits: { perIpPerHour: number; perEmailPerHour: number };
  /** approval: a reporter's move of a confirmed interview waits for the desk; direct: it books at once. */
  reporterMoves: 'approval' | 'direct';
  logLevel: string;
  dataDir: string;
  /** Minutes before an interview at which both parties get an email reminder, longest first. */
  reminderOffsetsMinutes: number[];
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
    demo: value.DESK_DEMO,
    sessionTtlMs: value.SESSION_TTL_HOURS * 3_600_000,
    trustProxy: value.TRUST_PROXY,
    requestLimits: { perIpPerHour: value.REQUEST_LIMIT_PER_IP, perEmailPerHour: value.REQUEST_LIMIT_PER_EMAIL },
    reporterMoves: value.REPORTER_MOVES,
    logLevel: value.LOG_LEVEL,
    dataDir: value.DATA_DIR,
    reminderOffsetsMinutes: value.REMINDER_OFFSETS,
  };
}
