/**
 * The double-booking rule, in one place. The slot engine uses it to decide which slots to offer and
 * the booking transaction uses it to refuse a write, so the two can never disagree.
 *
 * Rule: two interviews conflict iff their buffer-widened intervals
 * `[start - bufferBefore, end + bufferAfter)` overlap. Intervals are half-open, so widened
 * intervals that merely touch do not conflict; consecutive interviews A then B are therefore at
 * least `bufferAfter(A) + bufferBefore(B)` apart. Empty intervals overlap nothing.
 */
import { MINUTE_MS } from './civil-date';
import type { BufferedInterval, BusyInterval } from './types';

export interface Buffers {
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
}

const NO_BUFFERS: Buffers = { bufferBeforeMinutes: 0, bufferAfterMinutes: 0 };

/**
 * Whether half-open `[aStart, aEnd)` and `[bStart, bEnd)` share an instant.
 * Number-only form of {@link overlaps} for hot loops (no object per check).
 */
export function overlapsRange(aStart: number, aEnd: number, bStart: number, bEnd: number): boolean {
  return aStart < aEnd && bStart < bEnd && aStart < bEnd && bStart < aEnd;
}

/** Whether two half-open intervals share an instant. Touching (`a.end === b.start`) is not overlapping. */
export function overlaps(a: BusyInterval, b: BusyInterval): boolean {
  return overlapsRange(a.start, a.end, b.start, b.end);
}

/**
 * `[start - bufferBefore, end + bufferAfter)`. Throws `RangeError` for negative or non-finite
 * buffers: a negative buffer would let interviews overlap, which must never be silently allowed.
 */
export function widen(interval: BusyInterval, bufferBeforeMinutes: number, bufferAfterMinutes: number): BusyInterval {
  assertBuffer(bufferBeforeMinutes, 'bufferBeforeMinutes');
  assertBuffer(bufferAfterMinutes, 'bufferAfterMinutes');
  return {
    start: interval.start - bufferBeforeMinutes * MINUTE_MS,
    end: interval.end + bufferAfterMinutes * MINUTE_MS,
  };
}

/**
 * Widens an interview by its own recorded buffers, falling back to `fallback` for a buffer that was
 * not recorded (the spokesperson's current buffers).
 */
export function widenBooking(interval: BufferedInterval, fallback: Buffers = NO_BUFFERS): BusyInterval {
  return widen(
    interval,
    interval.bufferBeforeMinutes ?? fallback.bufferBeforeMinutes,
    interval.bufferAfterMinutes ?? fallback.bufferAfterMinutes,
  );
}

/**
 * Whether two interviews of the same spokesperson conflict: their widened intervals overlap.
 * Symmetric. Missing buffers fall back to `fallback` (default none).
 */
export function intervalsConflict(a: BufferedInterval, b: BufferedInterval, fallback: Buffers = NO_BUFFERS): boolean {
  return overlaps(widenBooking(a, fallback), widenBooking(b, fallback));
}

function assertBuffer(minutes: number, name: string): void {
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new RangeError(`${name} must be a finite number >= 0, got ${minutes}`);
  }
}
