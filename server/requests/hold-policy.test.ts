import { describe, expect, it } from 'vitest';
import { holdExpiry, normalizeEmailKey } from './hold-policy';
import { delayAfter, PAIR_RULE } from '../auth/login-throttle';

describe('normalizeEmailKey', () => {
  it.each([
    ['Dana@Example.org', 'dana@example.org'],
    ['dana+press@example.org', 'dana@example.org'],
    ['d.ana+x@example.org', 'd.ana@example.org'], // dots matter outside Gmail
    ['D.A.N.A+1@GMail.com', 'dana@gmail.com'],
    ['dana@googlemail.com', 'dana@gmail.com'],
    ['+only@example.org', '+only@example.org'], // a local part that is all tag stays as it is
  ])('%s → %s', (email, key) => {
    expect(normalizeEmailKey(email)).toBe(key);
  });
});

describe('holdExpiry', () => {
  const now = new Date('2027-03-01T08:00:00Z');
  const base = { now, deadline: new Date('2027-03-20T00:00:00Z'), minimumNoticeMinutes: 0, maxMs: 48 * 3_600_000 };
  it('is at most the longest hold after now', () => {
    expect(holdExpiry({ ...base, start: new Date('2027-03-10T09:00:00Z') })).toEqual(new Date('2027-03-03T08:00:00Z'));
  });
  it('never reaches past the start of the slot’s notice period or the deadline', () => {
    expect(holdExpiry({ ...base, start: new Date('2027-03-02T09:00:00Z'), minimumNoticeMinutes: 120 })).toEqual(new Date('2027-03-02T07:00:00Z'));
    expect(holdExpiry({ ...base, start: new Date('2027-03-10T09:00:00Z'), deadline: new Date('2027-03-01T20:00:00Z') })).toEqual(new Date('2027-03-01T20:00:00Z'));
  });
  it('is no hold at all when it would end at once', () => {
    expect(holdExpiry({ ...base, start: new Date('2027-03-01T09:00:00Z'), minimumNoticeMinutes: 60 })).toBeNull();
  });
});

describe('sign-in delays', () => {
  it('are free for the first tries, then double up to the longest', () => {
    const delays = Array.from({ length: 14 }, (_, index) => delayAfter(PAIR_RULE, index + 1));
    expect(delays.slice(0, 4)).toEqual([0, 0, 0, 0]);
    expect(delays.slice(4, 8)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(Math.max(...delays)).toBe(PAIR_RULE.maxDelayMs);
  });
});
