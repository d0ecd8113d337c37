import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { intervalsConflict, overlaps, widen, widenBooking } from './conflicts';

const MIN = 60_000;
const at = (hour: number, minute = 0) => Date.UTC(2027, 5, 1, hour, minute);

describe('overlaps', () => {
  it('treats intervals as half-open: touching intervals do not overlap', () => {
    expect(overlaps({ start: at(9), end: at(10) }, { start: at(10), end: at(11) })).toBe(false);
    expect(overlaps({ start: at(10), end: at(11) }, { start: at(9), end: at(10) })).toBe(false);
    expect(overlaps({ start: at(9), end: at(10, 1) }, { start: at(10), end: at(11) })).toBe(true);
  });

  it('finds containment and partial overlap in both orders', () => {
    expect(overlaps({ start: at(9), end: at(12) }, { start: at(10), end: at(11) })).toBe(true);
    expect(overlaps({ start: at(10), end: at(11) }, { start: at(9), end: at(12) })).toBe(true);
  });

  it('never lets an empty interval overlap anything, even inside another', () => {
    expect(overlaps({ start: at(10), end: at(10) }, { start: at(9), end: at(11) })).toBe(false);
    expect(overlaps({ start: at(9), end: at(11) }, { start: at(10), end: at(10) })).toBe(false);
  });

  it('is symmetric and agrees with "some instant lies in both" on a minute grid', () => {
    const interval = fc
      .tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }))
      .map(([a, b]) => ({ start: Math.min(a, b) * MIN, end: Math.max(a, b) * MIN }));
    fc.assert(
      fc.property(interval, interval, (a, b) => {
        let shared = false;
        for (let t = 0; t <= 60 * MIN; t += MIN) {
          if (t >= a.start && t < a.end && t >= b.start && t < b.end) shared = true;
        }
        expect(overlaps(a, b)).toBe(shared);
        expect(overlaps(b, a)).toBe(shared);
      }),
      { numRuns: 200 },
    );
  });
});

describe('widen', () => {
  it('moves the start back by the before-buffer and the end out by the after-buffer', () => {
    expect(widen({ start: at(10), end: at(11) }, 15, 5)).toEqual({ start: at(9, 45), end: at(11, 5) });
  });

  it('refuses negative or non-finite buffers, which would allow overlapping interviews', () => {
    expect(() => widen({ start: at(10), end: at(11) }, -5, 0)).toThrow(RangeError);
    expect(() => widen({ start: at(10), end: at(11) }, 0, Number.NaN)).toThrow(RangeError);
  });

  it('uses a booking’s own buffers and falls back per buffer to the given defaults', () => {
    const fallback = { bufferBeforeMinutes: 10, bufferAfterMinutes: 20 };
    expect(widenBooking({ start: at(10), end: at(11), bufferBeforeMinutes: 0 }, fallback)).toEqual({
      start: at(10),
      end: at(11, 20),
    });
    expect(widenBooking({ start: at(10), end: at(11) }, fallback)).toEqual({ start: at(9, 50), end: at(11, 20) });
  });
});

describe('intervalsConflict (the double-booking rule)', () => {
  it('lets interviews sit exactly bufferAfter(A) + bufferBefore(B) apart, and no closer', () => {
    const first = { start: at(9), end: at(10), bufferBeforeMinutes: 5, bufferAfterMinutes: 15 };
    const second = { start: at(10, 25), end: at(11), bufferBeforeMinutes: 10, bufferAfterMinutes: 5 };
    expect(intervalsConflict(first, second)).toBe(false);
    expect(intervalsConflict(first, { ...second, start: at(10, 24) })).toBe(true);
    expect(intervalsConflict(second, first)).toBe(false);
  });

  it('without buffers, back-to-back interviews do not conflict and overlapping ones do', () => {
    expect(intervalsConflict({ start: at(9), end: at(10) }, { start: at(10), end: at(11) })).toBe(false);
    expect(intervalsConflict({ start: at(9), end: at(10) }, { start: at(9, 59), end: at(11) })).toBe(true);
  });

  it('applies the fallback buffers to interviews that recorded none', () => {
    const fallback = { bufferBeforeMinutes: 0, bufferAfterMinutes: 10 };
    expect(intervalsConflict({ start: at(9), end: at(10) }, { start: at(10, 5), end: at(11) }, fallback)).toBe(true);
    expect(intervalsConflict({ start: at(9), end: at(10) }, { start: at(10, 10), end: at(11) }, fallback)).toBe(false);
  });
});
