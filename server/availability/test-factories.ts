// Test-only: engine options for one spokesperson, so each test overrides only what it is about.
import type { ComputeFreeSlotsOptions } from './types';

export function makeOptions(overrides: Partial<ComputeFreeSlotsOptions>): ComputeFreeSlotsOptions {
  return {
    timeZone: 'Europe/Zurich',
    weeklyRules: [],
    overrides: [],
    timeOff: [],
    bookings: [],
    durationMinutes: 60,
    stepMinutes: 60,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    minimumNoticeMinutes: 0,
    maxPerDay: null,
    horizonDays: 3650,
    now: Date.UTC(2027, 0, 1),
    from: Date.UTC(2027, 0, 1),
    to: Date.UTC(2028, 0, 1),
    ...overrides,
  };
}
