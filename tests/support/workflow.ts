// Helpers for the request-workflow suites: a spokesperson who can be booked
// all day, valid request inputs with unique data, and callers on a fixed clock.
import { randomUUID } from 'node:crypto';
import type { TestDatabase } from './test-database';
import { makeCaller, makeTestConfig } from './context';
import { makeSpokesperson } from './factories';
import { signedInCaller } from './sign-in';

/** Fixed "now" for workflow tests: Monday 1 March 2027, 09:00 in Zurich. */
export const WORKFLOW_NOW = new Date('2027-03-01T08:00:00Z');
export const workflowNow = () => WORKFLOW_NOW;

/** Limits high enough not to get in the way; the rate-limit test sets its own. */
export function workflowConfig(database: TestDatabase, overrides: Record<string, string> = {}) {
  return makeTestConfig(database.target, { REQUEST_LIMIT_PER_IP: '100000', REQUEST_LIMIT_PER_EMAIL: '100000', HOLD_LIMIT_PER_EMAIL: '100', HOLD_LIMIT_PER_IP: '1000', ...overrides });
}

/** A Zurich spokesperson available every day 08:00–18:00, 15-minute grid, 30-minute interviews, no notice. */
export async function makeBookableSpokesperson(database: TestDatabase, overrides: Record<string, unknown> = {}) {
  return makeSpokesperson(database.prisma, {
    timeZone: 'Europe/Zurich',
    languages: ['en', 'fr'],
    topics: ['cluster munitions'],
    formats: ['phone', 'video', 'whatsapp'],
    allowedDurations: [30, 60],
    defaultDurationMinutes: 30,
    slotStepMinutes: 15,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    minimumNoticeMinutes: 0,
    horizonDays: 365,
    weeklyRules: { create: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startTime: '08:00', endTime: '18:00' })) },
    ...overrides,
  });
}

const DEFAULT_DEADLINE = '2027-03-20T17:00:00Z';

/** A valid requests.create input; `start` is an ISO instant. The deadline is 20 March 2027 or the start if earlier (it may not come after it). */
export function requestInput(spokespersonId: string | undefined, start: string, overrides: Record<string, unknown> = {}) {
  const suffix = randomUUID().slice(0, 8);
  return {
    idempotencyKey: `test-${randomUUID()}`,
    ...(spokespersonId ? { spokespersonId } : {}),
    start,
    durationMinutes: 30,
    format: 'video' as const,
    language: 'en',
    attribution: 'on_record' as const,
    topic: 'Cluster munitions in Nagorno-Karabakh',
    questions: 'What did the report find?',
    reporter: { name: `Reporter ${suffix}`, email: `reporter-${suffix}@example.org`, outlet: 'Example Wire', timeZone: 'America/New_York' },
    deadline: Date.parse(start) < Date.parse(DEFAULT_DEADLINE) ? start : DEFAULT_DEADLINE,
    ...overrides,
  };
}

export async function publicCaller(database: TestDatabase, options: { ip?: string; config?: ReturnType<typeof workflowConfig> } = {}) {
  return makeCaller(database, { now: workflowNow, config: options.config ?? workflowConfig(database), ip: options.ip ?? '203.0.113.10' });
}

export async function deskCaller(database: TestDatabase, role: 'press_officer' | 'admin' | 'spokesperson' = 'press_officer') {
  return signedInCaller(database, role, { now: workflowNow, config: workflowConfig(database) });
}

/** The AppError code behind a failed call (or the tRPC code for input errors). */
export function appCodeOf(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: string } } | undefined)?.cause;
  if (cause?.code) return cause.code;
  const code = (error as { code?: string } | undefined)?.code;
  return code === 'BAD_REQUEST' ? 'VALIDATION_FAILED' : code;
}

/** Input-validation messages by dotted field path, from an in-process call's ZodError. */
export function fieldErrorsOf(error: unknown): Record<string, string[]> {
  const issues = (error as { cause?: { issues?: { path: PropertyKey[]; message: string }[] } }).cause?.issues ?? [];
  const fields: Record<string, string[]> = {};
  for (const issue of issues) (fields[issue.path.join('.')] ??= []).push(issue.message);
  return fields;
}
