import { describe, expect, it } from 'vitest';
import { describeSync } from '../../client/src/desk/calendars/sync-status';
import { ageOf } from '../../client/src/time';

const now = Date.parse('2027-03-01T12:00:00Z');

describe('calendar sync status text', () => {
  it('says how old the last good sync is and why the last one failed', () => {
    expect(describeSync({ status: 'failing', lastSyncedAt: '2027-03-01T10:00:00Z', lastErrorText: 'authentication failed (check the user name and app password)' }, now)).toBe(
      'Last synced 2 h ago: authentication failed (check the user name and app password). Slots use the busy times read before.',
    );
    expect(describeSync({ status: 'ok', lastSyncedAt: '2027-03-01T11:55:00Z', lastErrorText: null }, now)).toBe('Last synced 5 min ago.');
    expect(describeSync({ status: 'failing', lastSyncedAt: null, lastErrorText: 'the server could not be reached' }, now)).toContain('Never synced: the server could not be reached');
  });

  it('rounds ages to minutes, hours and days', () => {
    expect(ageOf('2027-03-01T12:00:00Z', now)).toBe('just now');
    expect(ageOf('2027-02-26T12:00:00Z', now)).toBe('3 days ago');
  });
});
