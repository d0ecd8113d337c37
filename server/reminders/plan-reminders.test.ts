import { describe, expect, it } from 'vitest';
import { describeLead as describeOffset } from '../mail/compose-reminder-email';
import { findDueReminders, parseReminderOffsets, reminderKey, reminderLeadMinutes } from './plan-reminders';

const start = new Date('2027-03-29T07:00:00Z'); // Monday 09:00 in Zurich, the day after the EU clock change
const hour = 3_600_000;
const interview = (overrides: Partial<Parameters<typeof findDueReminders>[0]['interviews'][number]> = {}) => ({
  interviewId: 'iv1',
  startsAt: start,
  scheduledAt: new Date(start.getTime() - 10 * 24 * hour),
  sent: new Set<string>(),
  ...overrides,
});

describe('findDueReminders', () => {
  it('is due 24 real hours before the start, across the clock change, for both recipients', () => {
    const moment = new Date(start.getTime() - 24 * hour); // 2027-03-28T07:00Z, 09:00 CEST: the night had 23 hours
    expect(findDueReminders({ interviews: [interview()], offsetsMinutes: [1440, 60], now: new Date(moment.getTime() - 1) })).toEqual([]);
    const due = findDueReminders({ interviews: [interview()], offsetsMinutes: [1440, 60], now: moment });
    expect(due.map((reminder) => [reminder.recipientRole, reminder.offsetMinutes, reminder.send])).toEqual([
      ['reporter', 1440, true],
      ['spokesperson', 1440, true],
    ]);
  });

  it('never after the start, never twice, and not for a moment before the interview got its start', () => {
    expect(findDueReminders({ interviews: [interview()], offsetsMinutes: [60], now: start })).toEqual([]);
    const sent = new Set([reminderKey({ recipientRole: 'reporter', offsetMinutes: 60, startsAt: start }), reminderKey({ recipientRole: 'spokesperson', offsetMinutes: 60, startsAt: start })]);
    expect(findDueReminders({ interviews: [interview({ sent })], offsetsMinutes: [60], now: new Date(start.getTime() - 30 * 60_000) })).toEqual([]);
    // Booked three hours ahead: no "in 24 hours" email, the 1-hour one as usual.
    const late = interview({ scheduledAt: new Date(start.getTime() - 3 * hour) });
    expect(findDueReminders({ interviews: [late], offsetsMinutes: [1440, 60], now: new Date(start.getTime() - 2 * hour) })).toEqual([]);
    expect(findDueReminders({ interviews: [late], offsetsMinutes: [1440, 60], now: new Date(start.getTime() - hour) }).map((reminder) => reminder.offsetMinutes)).toEqual([60, 60]);
  });

  it('after an outage sends only the nearest of several due reminders and records the others', () => {
    const due = findDueReminders({ interviews: [interview()], offsetsMinutes: [1440, 60], now: new Date(start.getTime() - 30 * 60_000) });
    expect(due.map((reminder) => [reminder.recipientRole, reminder.offsetMinutes, reminder.send])).toEqual([
      ['reporter', 1440, false],
      ['reporter', 60, true],
      ['spokesperson', 1440, false],
      ['spokesperson', 60, true],
    ]);
  });

  it('plans afresh for a new start (a reschedule)', () => {
    const sent = new Set([reminderKey({ recipientRole: 'reporter', offsetMinutes: 60, startsAt: start })]);
    const moved = new Date(start.getTime() + 2 * hour);
    const due = findDueReminders({ interviews: [interview({ startsAt: moved, sent })], offsetsMinutes: [60], now: new Date(moved.getTime() - hour) });
    expect(due.map((reminder) => reminder.recipientRole)).toEqual(['reporter', 'spokesperson']);
  });
});

describe('reminder wording and settings', () => {
  it('says the offset when on time and the real time left when late', () => {
    expect(reminderLeadMinutes({ offsetMinutes: 1440, startsAt: start, now: new Date(start.getTime() - 1440 * 60_000 + 20_000) })).toBe(1440);
    expect(reminderLeadMinutes({ offsetMinutes: 1440, startsAt: start, now: new Date(start.getTime() - 5 * hour - 10 * 60_000) })).toBe(300);
    expect(reminderLeadMinutes({ offsetMinutes: 60, startsAt: start, now: new Date(start.getTime() - 20 * 60_000) })).toBe(20);
    expect([describeOffset(1440), describeOffset(60), describeOffset(90), describeOffset(2880), describeOffset(1)]).toEqual(['24 hours', '1 hour', '90 minutes', '2 days', '1 minute']);
  });

  it('reads REMINDER_OFFSETS and refuses what is not a duration', () => {
    expect(parseReminderOffsets('1h, 24h,90m,2d,1h')).toEqual([2880, 1440, 90, 60]);
    expect(parseReminderOffsets('24')).toEqual({ error: '"24" is not a duration such as 24h, 90m or 2d' });
    expect(parseReminderOffsets('0m')).toEqual({ error: '"0m" must be between 1 minute and 14 days' });
  });
});
