// What the planner draws for one spokesperson: blocks (working hours, time off,
// interviews, holds) with the words that say what each is, and their lanes.
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../../../server/routers/_app';
import { formatLocalTimeNow, formatTime, zoneCity } from '../../time';
import { assignLanes } from './planner-layout';

export type Planner = inferRouterOutputs<AppRouter>['desk']['planner'];
export type PlannedPerson = Planner['spokespeople'][number];

/** One thing on a spokesperson's axis, with the words that say what it is (never colour alone). */
export interface Block {
  key: string;
  kind: 'working' | 'time-off' | 'interview' | 'hold';
  /** e.g. "Confirmed: IR-7K3Q, Example Wire". */
  label: string;
  start: number;
  end: number;
  /** Interview status, for its style. */
  status?: string;
}

export const interviewStatusNames: Record<string, string> = { confirmed: 'Confirmed', rescheduled: 'Confirmed (moved)', completed: 'Completed', no_show: 'No-show' };

/** Read working hours and time off before the bookings that fall inside them. */
export const kindOrder: Record<Block['kind'], number> = { working: 0, 'time-off': 1, interview: 2, hold: 3 };

/**
 * Bookings are drawn at least this long so their words fit (2.4rem at 3rem an hour; 9rem at 1.5rem an
 * hour); lanes are worked out on the drawn extent so a short interview never hides the next one.
 */
export const DAY_EVENT_MIN_MS = 48 * 60_000;
export const WEEK_EVENT_MIN_MS = (9 / 1.5) * 3_600_000;

/** Interviews and holds by key, each with its lane among the bookings it would overlap on screen. */
export function laneEvents(blocks: Block[], minimumMs: number) {
  const events = blocks
    .filter((block) => block.kind === 'interview' || block.kind === 'hold')
    .map((block) => ({ key: block.key, start: block.start, end: Math.max(block.end, block.start + minimumMs) }));
  return new Map(assignLanes(events).map((event) => [event.key, event]));
}

export function blocksOf(person: PlannedPerson): Block[] {
  return [
    ...person.working.map((range, index) => ({ key: `w${index}`, kind: 'working' as const, label: 'Working hours', start: Date.parse(range.start), end: Date.parse(range.end) })),
    ...person.timeOff.map((away) => ({ key: `t${away.id}`, kind: 'time-off' as const, label: away.reason ? `Time off: ${away.reason}` : 'Time off', start: Date.parse(away.start), end: Date.parse(away.end) })),
    // Busy times from the spokesperson's own calendars look like time off: they block slots the same way.
    ...person.calendarBusy.map((busy, index) => ({ key: `c${index}`, kind: 'time-off' as const, label: `Busy (calendar): ${busy.calendar}`, start: Date.parse(busy.start), end: Date.parse(busy.end) })),
    ...person.interviews.map((interview) => ({
      key: `i${interview.id}`,
      kind: 'interview' as const,
      label: `${interviewStatusNames[interview.status] ?? interview.status}: ${interview.reference ?? 'interview'}${interview.outlet ? `, ${interview.outlet}` : ''}`,
      start: Date.parse(interview.start),
      end: Date.parse(interview.end),
      status: interview.status,
    })),
    ...person.holds.map((hold) => ({ key: `h${hold.requestId}`, kind: 'hold' as const, label: `Hold: ${hold.reference}`, start: Date.parse(hold.start), end: Date.parse(hold.end) })),
  ].sort((a, b) => a.start - b.start || kindOrder[a.kind] - kindOrder[b.kind] || a.end - b.end);
}

/** "09:00–12:00", with short weekdays when the range crosses midnight in that zone. */
export function formatSpan(start: number, end: number, timeZone: string): string {
  const dayOf = (instant: number) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
  const time = (instant: number) => formatTime(new Date(instant).toISOString(), timeZone);
  if (dayOf(start) === dayOf(end - 1)) return `${time(start)}–${time(end)}`;
  const weekday = (instant: number) => new Intl.DateTimeFormat(undefined, { timeZone, weekday: 'short' }).format(instant);
  return `${weekday(start)} ${time(start)}–${weekday(end)} ${time(end)}`;
}

/** A block's words: what, when in the chosen zone, and when in the spokesperson's own zone if it differs. */
export function BlockText({ block, timeZone, personZone }: { block: Block; timeZone: string; personZone: string }) {
  return (
    <>
      <span className="planner-what">{block.label}</span>
      <span className="planner-times">
        <span className="planner-when">
          {formatSpan(block.start, block.end, timeZone)}
          <span className="visually-hidden"> {zoneCity(timeZone)} time</span>
        </span>
        {personZone !== timeZone && (
          <>
            {' '}
            <span className="planner-local">
              {formatSpan(block.start, block.end, personZone)} in {zoneCity(personZone)}
            </span>
          </>
        )}
      </span>
    </>
  );
}

export function blockTitle(block: Block, timeZone: string, personZone: string): string {
  const local = personZone !== timeZone ? ` (${formatSpan(block.start, block.end, personZone)} in ${zoneCity(personZone)})` : '';
  return `${block.label}, ${formatSpan(block.start, block.end, timeZone)} ${zoneCity(timeZone)} time${local}`;
}

export function blockClass(block: Block): string {
  if (block.kind === 'interview') return `planner-item planner-event planner-interview planner-status-${block.status}`;
  if (block.kind === 'hold') return 'planner-item planner-event planner-hold';
  return `planner-item planner-band planner-${block.kind}`;
}

export function PersonHeading({ person, now, id }: { person: PlannedPerson; now: number; id: string }) {
  return (
    <>
      <h3 id={id}>{person.name}</h3>
      <p className="planner-clock">
        {zoneCity(person.timeZone)}: <span className="visually-hidden">local time now </span>
        <time dateTime={new Date(now).toISOString()}>{formatLocalTimeNow(person.timeZone, new Date(now))}</time>
      </p>
    </>
  );
}
