// Creating and editing spokespeople, their weekly hours, date overrides and
// time off. Every change is audited in the same transaction. Changes that
// alter availability bump `bookingVersion`, which the booking transaction also
// bumps, so a booking and an availability edit for one spokesperson serialise.
import type { z } from 'zod';
import type { Db, Tx } from '../db';
import type { Prisma } from '../generated/sqlite/client';
import { AppError } from '../errors';
import { slugify } from '../common/slugify';
import type { SessionUser } from '../auth/schema';
import { recordAuditEvent, type AuditActor } from '../audit/record-audit-event';
import { invalidateCalendars } from '../availability/calendar-cache';
import { ACTIVE_INTERVIEW_STATUSES } from '../requests/state';
import { BOOKING_TRANSACTION_OPTIONS } from '../requests/booking';
import { keepBookedDays } from './keep-booked-days';
import type {
  addTimeOffInput,
  createSpokespersonInput,
  removeDateOverrideInput,
  removeTimeOffInput,
  setAvailabilityInput,
  setDateOverrideInput,
  updateSpokespersonInput,
} from './schema';

interface Actor {
  user: SessionUser;
  ip?: string;
  now: Date;
}

function auditActor(actor: Actor): AuditActor {
  return { type: 'user', id: actor.user.id };
}

/**
 * Press officers and admins manage every spokesperson; a spokesperson manages
 * only the record linked to their own account. Throws FORBIDDEN otherwise.
 */
export function assertCanManageSpokesperson(user: SessionUser, spokespersonId: string): void {
  if (user.role === 'admin' || user.role === 'press_officer') return;
  if (user.role === 'spokesperson' && user.spokespersonId === spokespersonId) return;
  throw new AppError('FORBIDDEN', 'You can only change your own availability and profile.');
}

const managedSelect = {
  id: true,
  slug: true,
  name: true,
  title: true,
  bio: true,
  email: true,
  phone: true,
  languages: true,
  topics: true,
  timeZone: true,
  formats: true,
  defaultDurationMinutes: true,
  allowedDurations: true,
  slotStepMinutes: true,
  bufferBeforeMinutes: true,
  bufferAfterMinutes: true,
  minimumNoticeMinutes: true,
  maxPerDay: true,
  horizonDays: true,
  holdSlots: true,
  active: true,
  userId: true,
  updatedAt: true,
} satisfies Prisma.SpokespersonSelect;

const availabilitySelect = {
  weeklyRules: { select: { weekday: true, startTime: true, endTime: true }, orderBy: [{ weekday: 'asc' }, { startTime: 'asc' }] },
  overrides: { select: { date: true, ranges: true, note: true }, orderBy: { date: 'asc' } },
  timeOff: { select: { id: true, startsAt: true, endsAt: true, reason: true }, orderBy: { startsAt: 'asc' } },
} satisfies Prisma.SpokespersonSelect;

async function loadManaged(db: Db | Tx, id: string) {
  const row = await db.spokesperson.findUnique({ where: { id }, select: { ...managedSelect, ...availabilitySelect } });
  if (!row) throw new AppError('NOT_FOUND', 'No such spokesperson.');
  return {
    ...row,
    weeklyRules: row.weeklyRules.map((rule) => ({ weekday: rule.weekday, start: rule.startTime, end: rule.endTime })),
    overrides: row.overrides.map((override) => ({ date: override.date, ranges: override.ranges as { start: string; end: string }[], note: override.note })),
    timeOff: row.timeOff.map((entry) => ({ id: entry.id, start: entry.startsAt.toISOString(), end: entry.endsAt.toISOString(), reason: entry.reason })),
  };
}

/** The full record with availability, for the staff editor. */
export async function getManagedSpokesperson(options: { db: Db; id: string; actor: Actor }) {
  assertCanManageSpokesperson(options.actor.user, options.id);
  return loadManaged(options.db, options.id);
}

/** All spokespeople, active or not, for staff lists. */
export async function listManagedSpokespeople(options: { db: Db }) {
  return options.db.spokesperson.findMany({ select: managedSelect, orderBy: { name: 'asc' } });
}

async function uniqueSlug(tx: Tx, wanted: string): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const slug = attempt === 1 ? wanted : `${wanted}-${attempt}`;
    if (!(await tx.spokesperson.findUnique({ where: { slug }, select: { id: true } }))) return slug;
  }
}

/** Creates a spokesperson with optional weekly hours. Throws CONFLICT for a taken slug or linked user. */
export async function createSpokesperson(options: { db: Db; input: z.output<typeof createSpokespersonInput>; actor: Actor }) {
  const { input, actor } = options;
  const result = await options.db.$transaction(async (tx) => {
    if (input.slug && (await tx.spokesperson.findUnique({ where: { slug: input.slug }, select: { id: true } }))) {
      throw new AppError('CONFLICT', `The address /${input.slug} is taken by another spokesperson.`);
    }
    await assertLinkableUser(tx, input.userId, null);
    const { weeklyRules, ...data } = input;
    const created = await tx.spokesperson.create({
      data: {
        ...data,
        slug: input.slug ?? (await uniqueSlug(tx, slugify(input.name, { maxLength: 60, fallback: 'spokesperson' }))),
        weeklyRules: { create: weeklyRules.map((rule) => ({ weekday: rule.weekday, startTime: rule.start, endTime: rule.end })) },
      },
      select: { id: true },
    });
    const after = await loadManaged(tx, created.id);
    await recordAuditEvent({ db: tx, actor: auditActor(actor), action: 'spokesperson.create', entityType: 'spokesperson', entityId: created.id, after, ip: actor.ip, now: actor.now });
    return after;
  });
  // Slot answers are cached; drop what this change made stale.
  invalidateCalendars(options.db, undefined);
  return result;
}

async function assertLinkableUser(tx: Tx, userId: string | null | undefined, spokespersonId: string | null) {
  if (!userId) return;
  const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true, spokesperson: { select: { id: true } } } });
  if (!user) throw new AppError('NOT_FOUND', 'No such user to link.');
  if (user.spokesperson && user.spokesperson.id !== spokespersonId) {
    throw new AppError('CONFLICT', 'That user is already linked to another spokesperson.');
  }
}

/**
 * Updates profile and settings. A spokesperson editing their own record cannot
 * change `active` or the linked account.
 */
export async function updateSpokesperson(options: { db: Db; input: z.output<typeof updateSpokespersonInput>; actor: Actor }) {
  const { input, actor } = options;
  assertCanManageSpokesperson(actor.user, input.id);
  const { id, ...changes } = input;
  if (actor.user.role === 'spokesperson' && (changes.active !== undefined || changes.userId !== undefined)) {
    throw new AppError('FORBIDDEN', 'Only press officers can activate, deactivate or relink a spokesperson.');
  }
  const result = await options.db.$transaction(async (tx) => {
    const before = await loadManaged(tx, id);
    const allowed = changes.allowedDurations ?? before.allowedDurations as number[];
    const defaultDuration = changes.defaultDurationMinutes ?? before.defaultDurationMinutes;
    if (!allowed.includes(defaultDuration)) {
      throw new AppError('VALIDATION_FAILED', 'The default duration must be one of the allowed durations.');
    }
    await assertLinkableUser(tx, changes.userId, id);
    await tx.spokesperson.update({ where: { id }, data: { ...changes, bookingVersion: { increment: 1 } } });
    const after = await loadManaged(tx, id);
    await recordAuditEvent({ db: tx, actor: auditActor(actor), action: 'spokesperson.update', entityType: 'spokesperson', entityId: id, before, after, ip: actor.ip, now: actor.now });
    return after;
  });
  // Slot answers are cached; drop what this change made stale.
  invalidateCalendars(options.db, [id]);
  return result;
}

/** Replaces the weekly hours (and, when given, all date overrides). */
export async function setAvailability(options: { db: Db; input: z.output<typeof setAvailabilityInput>; actor: Actor }) {
  const { input, actor } = options;
  assertCanManageSpokesperson(actor.user, input.spokespersonId);
  const result = await options.db.$transaction(async (tx) => {
    const before = await loadManaged(tx, input.spokespersonId);
    await tx.spokesperson.update({ where: { id: input.spokespersonId }, data: { bookingVersion: { increment: 1 } } });
    // Dates whose override is added, changed or removed: those must keep their booked interviews (as in setDateOverride).
    const overridesBefore = new Map(before.overrides.map((override) => [override.date, JSON.stringify(override.ranges)]));
    const overridesAfter = new Map((input.overrides ?? before.overrides).map((override) => [override.date, JSON.stringify(override.ranges)]));
    const changedDates = [...new Set([...overridesBefore.keys(), ...overridesAfter.keys()])].filter((date) => overridesBefore.get(date) !== overridesAfter.get(date));
    await keepBookedDays(tx, { spokespersonId: input.spokespersonId, dates: changedDates, now: actor.now }, async () => {
      await tx.weeklyRule.deleteMany({ where: { spokespersonId: input.spokespersonId } });
      await tx.weeklyRule.createMany({
        data: input.weeklyRules.map((rule) => ({ spokespersonId: input.spokespersonId, weekday: rule.weekday, startTime: rule.start, endTime: rule.end })),
      });
      // Repeated dates are refused by the input schema (setAvailabilityInput).
      if (input.overrides) {
        await tx.dateOverride.deleteMany({ where: { spokespersonId: input.spokespersonId } });
        await tx.dateOverride.createMany({
          data: input.overrides.map((override) => ({ spokespersonId: input.spokespersonId, date: override.date, ranges: override.ranges, note: override.note })),
        });
      }
    });
    const after = await loadManaged(tx, input.spokespersonId);
    await recordAuditEvent({ db: tx, actor: auditActor(actor), action: 'spokesperson.set_availability', entityType: 'spokesperson', entityId: input.spokespersonId, before: pickAvailability(before), after: pickAvailability(after), ip: actor.ip, now: actor.now });
    return after;
  });
  // Slot answers are cached; drop what this change made stale.
  invalidateCalendars(options.db, [input.spokespersonId]);
  return result;
}

function pickAvailability(record: Awaited<ReturnType<typeof loadManaged>>) {
  return { weeklyRules: record.weeklyRules, overrides: record.overrides };
}

/** Sets the hours of one local date (replacing any earlier override for it). */
export async function setDateOverride(options: { db: Db; input: z.output<typeof setDateOverrideInput>; actor: Actor }) {
  const { input, actor } = options;
  assertCanManageSpokesperson(actor.user, input.spokespersonId);
  const result = await options.db.$transaction(async (tx) => {
    // The booking lock first (as addTimeOff), so no booking lands between the check and the write.
    const { count } = await tx.spokesperson.updateMany({ where: { id: input.spokespersonId }, data: { bookingVersion: { increment: 1 } } });
    if (count === 0) throw new AppError('NOT_FOUND', 'No such spokesperson.');
    const key = { spokespersonId_date: { spokespersonId: input.spokespersonId, date: input.date } };
    const before = await tx.dateOverride.findUnique({ where: key, select: { date: true, ranges: true, note: true } });
    const after = await keepBookedDays(tx, { spokespersonId: input.spokespersonId, dates: [input.date], now: actor.now }, () =>
      tx.dateOverride.upsert({
        where: key,
        create: { spokespersonId: input.spokespersonId, date: input.date, ranges: input.ranges, note: input.note },
        update: { ranges: input.ranges, note: input.note ?? null },
        select: { date: true, ranges: true, note: true },
      }),
    );
    await recordAuditEvent({ db: tx, actor: auditActor(actor), action: 'spokesperson.set_date_override', entityType: 'spokesperson', entityId: input.spokespersonId, before, after, ip: actor.ip, now: actor.now });
    return after;
  }, BOOKING_TRANSACTION_OPTIONS);
  // Slot answers are cached; drop what this change made stale.
  invalidateCalendars(options.db, [input.spokespersonId]);
  return result;
}

/** Removes one date's override; the weekly hours apply again. NOT_FOUND if there was none. */
export async function removeDateOverride(options: { db: Db; input: z.output<typeof removeDateOverrideInput>; actor: Actor }) {
  const { input, actor } = options;
  assertCanManageSpokesperson(actor.user, input.spokespersonId);
  const result = await options.db.$transaction(async (tx) => {
    const key = { spokespersonId_date: { spokespersonId: input.spokespersonId, date: input.date } };
    const before = await tx.dateOverride.findUnique({ where: key, select: { date: true, ranges: true, note: true } });
    if (!before) throw new AppError('NOT_FOUND', `No override for ${input.date}.`);
    await tx.spokesperson.update({ where: { id: input.spokespersonId }, data: { bookingVersion: { increment: 1 } } });
    await tx.dateOverride.delete({ where: key });
    await recordAuditEvent({ db: tx, actor: auditActor(actor), action: 'spokesperson.remove_date_override', entityType: 'spokesperson', entityId: input.spokespersonId, before, ip: actor.ip, now: actor.now });
    return { ok: true as const };
  });
  // Slot answers are cached; drop what this change made stale.
  invalidateCalendars(options.db, [input.spokespersonId]);
  return result;
}

/**
 * Adds time off (absolute instants: travel, holidays). Throws SLOT_TAKEN when
 * it overlaps confirmed interviews: those must be rescheduled or cancelled
 * first, so time off and a booking can never both claim the same time. The
 * spokesperson's row is locked first, as bookings do (server/requests/booking.ts).
 */
export async function addTimeOff(options: { db: Db; input: z.output<typeof addTimeOffInput>; actor: Actor }) {
  const { input, actor } = options;
  assertCanManageSpokesperson(actor.user, input.spokespersonId);
  const result = await options.db.$transaction(async (tx) => {
    const { count } = await tx.spokesperson.updateMany({ where: { id: input.spokespersonId }, data: { bookingVersion: { increment: 1 } } });
    if (count === 0) throw new AppError('NOT_FOUND', 'No such spokesperson.');
    const clashing = await tx.interview.findMany({
      where: { spokespersonId: input.spokespersonId, status: { in: ACTIVE_INTERVIEW_STATUSES }, startsAt: { lt: input.end }, endsAt: { gt: input.start } },
      select: { id: true, startsAt: true, request: { select: { reference: true } } },
      orderBy: { startsAt: 'asc' },
    });
    if (clashing.length > 0) {
      throw new AppError('SLOT_TAKEN', `There ${clashing.length === 1 ? 'is an interview' : `are ${clashing.length} interviews`} in that time (${clashing.map((interview) => interview.request.reference).join(', ')}): reschedule or cancel ${clashing.length === 1 ? 'it' : 'them'} first.`, {
        details: { interviews: clashing.map((interview) => ({ id: interview.id, reference: interview.request.reference, start: interview.startsAt.toISOString() })) },
      });
    }
    const created = await tx.timeOff.create({
      data: { spokespersonId: input.spokespersonId, startsAt: input.start, endsAt: input.end, reason: input.reason, createdAt: actor.now },
      select: { id: true, startsAt: true, endsAt: true, reason: true },
    });
    const after = { id: created.id, start: created.startsAt.toISOString(), end: created.endsAt.toISOString(), reason: created.reason };
    await recordAuditEvent({ db: tx, actor: auditActor(actor), action: 'spokesperson.add_time_off', entityType: 'spokesperson', entityId: input.spokespersonId, after, ip: actor.ip, now: actor.now });
    return after;
  }, BOOKING_TRANSACTION_OPTIONS);
  // Slot answers are cached; drop what this change made stale.
  invalidateCalendars(options.db, [input.spokespersonId]);
  return result;
}

export async function removeTimeOff(options: { db: Db; input: z.output<typeof removeTimeOffInput>; actor: Actor }) {
  const { input, actor } = options;
  assertCanManageSpokesperson(actor.user, input.spokespersonId);
  const result = await options.db.$transaction(async (tx) => {
    const before = await tx.timeOff.findFirst({ where: { id: input.timeOffId, spokespersonId: input.spokespersonId } });
    if (!before) throw new AppError('NOT_FOUND', 'No such time off.');
    await tx.spokesperson.update({ where: { id: input.spokespersonId }, data: { bookingVersion: { increment: 1 } } });
    await tx.timeOff.delete({ where: { id: before.id } });
    await recordAuditEvent({ db: tx, actor: auditActor(actor), action: 'spokesperson.remove_time_off', entityType: 'spokesperson', entityId: input.spokespersonId, before, ip: actor.ip, now: actor.now });
    return { ok: true as const };
  });
  // Slot answers are cached; drop what this change made stale.
  invalidateCalendars(options.db, [input.spokespersonId]);
  return result;
}
