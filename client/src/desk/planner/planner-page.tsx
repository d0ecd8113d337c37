import { useEffect, useId, useMemo, useRef, useState, type CSSProperties } from 'react';
import { api } from '../../api/trpc';
import { useQuery } from '../../api/use-query';
import { Loaded } from '../../components/query-state';
import { ZonePicker } from '../../components/zone-picker';
import { useLocation } from '../../router';
import { browserTimeZone, formatDate, formatLocalTimeNow, formatTime, zoneCity } from '../../time';
import { addDays, assignLanes, hourTicks, isCalendarDate, isKnownTimeZone, placeOnAxis, plannerWindow, todayIn, type PlannerMode, type PlannerWindow } from './planner-layout';
import type { StaffUser } from '../staff-user';
import './planner.css';

type Planner = Awaited<ReturnType<typeof api.desk.planner.query>>;
type PlannedPerson = Planner['spokespeople'][number];

/** One thing on a spokesperson's axis, with the words that say what it is (never colour alone). */
interface Block {
  key: string;
  kind: 'working' | 'time-off' | 'interview' | 'hold';
  /** e.g. "Confirmed: IR-7K3Q, Example Wire". */
  label: string;
  start: number;
  end: number;
  /** Interview status, for its style. */
  status?: string;
}

const interviewStatusNames: Record<string, string> = { confirmed: 'Confirmed', rescheduled: 'Confirmed (moved)', completed: 'Completed', no_show: 'No-show' };

/**
 * The planner: every spokesperson side by side on one time axis in a chosen zone, with working
 * hours, time off, interviews and holds, and the viewer's night hours. Day (columns) or week (rows).
 * The view, date and zone live in the query string so a planner view can be linked.
 */
export function PlannerPage(_props: { user: StaffUser }) {
  const { search } = useLocation();
  const initial = useMemo(() => new URLSearchParams(search), []); // eslint-disable-line react-hooks/exhaustive-deps
  const [timeZone, setTimeZone] = useState(() => (isKnownTimeZone(initial.get('zone')) ? initial.get('zone')! : browserTimeZone()));
  const [mode, setMode] = useState<PlannerMode>(() => (initial.get('view') === 'week' ? 'week' : 'day'));
  const [date, setDate] = useState(() => (isCalendarDate(initial.get('date')) ? initial.get('date')! : todayIn(timeZone)));
  const now = useNow();

  useEffect(() => {
    // Replace, not push: stepping through days should not fill the Back history. Also after the
    // console's "Planner" link dropped the query string (`search`), so the address stays linkable.
    window.history.replaceState(null, '', `/desk/planner?${new URLSearchParams({ view: mode, date, zone: timeZone })}`);
  }, [mode, date, timeZone, search]);

  const range = useMemo(() => plannerWindow(mode, date, timeZone), [mode, date, timeZone]);
  const planner = useQuery(
    () => api.desk.planner.query({ from: new Date(range.from).toISOString(), to: new Date(range.to).toISOString(), timeZone }),
    [range.from, range.to, timeZone],
  );
  const step = mode === 'day' ? 1 : 7;
  const unit = mode === 'day' ? 'day' : 'week';
  const title = mode === 'day' ? formatDate(date) : `Week of ${formatDate(range.days[0]!.date)}`;

  return (
    <>
      <h1>Planner</h1>
      <div className="planner-controls">
        <div role="group" aria-label="View" className="planner-toggle">
          <button type="button" className={mode === 'day' ? undefined : 'secondary'} aria-pressed={mode === 'day'} onClick={() => setMode('day')}>Day</button>
          <button type="button" className={mode === 'week' ? undefined : 'secondary'} aria-pressed={mode === 'week'} onClick={() => setMode('week')}>Week</button>
        </div>
        <div role="group" aria-label="Move in time" className="planner-steps">
          <button type="button" className="secondary" onClick={() => setDate(addDays(date, -step))}>
            <span aria-hidden="true">‹ </span>Previous {unit}
          </button>
          <button type="button" className="secondary" onClick={() => setDate(todayIn(timeZone))}>Today</button>
          <button type="button" className="secondary" onClick={() => setDate(addDays(date, step))}>
            Next {unit}<span aria-hidden="true"> ›</span>
          </button>
        </div>
        <div className="planner-date">
          <label htmlFor="planner-date">Date</label>
          <input id="planner-date" type="date" value={date} required onChange={(event) => isCalendarDate(event.target.value) && setDate(event.target.value)} />
        </div>
        <ZonePicker value={timeZone} onChange={setTimeZone} label="Show times in" />
      </div>
      <h2 className="planner-title" aria-live="polite">
        {title} <span className="meta">· times in {zoneCity(timeZone)} ({timeZone})</span>
      </h2>
      <Legend timeZone={timeZone} />
      <Loaded state={planner} label="the planner">
        {(data) =>
          data.spokespeople.length === 0 ? (
            <p>No active spokespeople to plan for.</p>
          ) : (
            <>
              {mode === 'day' ? <DayGrid data={data} axis={range} timeZone={timeZone} now={now} /> : <WeekGrid data={data} axis={range} timeZone={timeZone} now={now} />}
              <PlannerTable data={data} axis={range} timeZone={timeZone} title={title} />
            </>
          )
        }
      </Loaded>
    </>
  );
}

/** The current instant, refreshed every 30 seconds (spokespeople's local clocks, the "now" line). */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

function Legend({ timeZone }: { timeZone: string }) {
  return (
    <ul className="planner-legend" aria-label="Key">
      <li><span className="planner-swatch planner-working" aria-hidden="true" /> Working hours</li>
      <li><span className="planner-swatch planner-time-off" aria-hidden="true" /> Time off</li>
      <li><span className="planner-swatch planner-interview" aria-hidden="true" /> Confirmed interview</li>
      <li><span className="planner-swatch planner-hold" aria-hidden="true" /> Hold for a pending request</li>
      <li><span className="planner-swatch planner-night-key" aria-hidden="true" /> Night in {zoneCity(timeZone)} (22:00–07:00)</li>
    </ul>
  );
}

/** Read working hours and time off before the bookings that fall inside them. */
const kindOrder: Record<Block['kind'], number> = { working: 0, 'time-off': 1, interview: 2, hold: 3 };

/**
 * Bookings are drawn at least this long so their words fit (2.4rem at 3rem an hour; 9rem at 1.5rem an
 * hour); lanes are worked out on the drawn extent so a short interview never hides the next one.
 */
const DAY_EVENT_MIN_MS = 48 * 60_000;
const WEEK_EVENT_MIN_MS = (9 / 1.5) * 3_600_000;

/** Interviews and holds by key, each with its lane among the bookings it would overlap on screen. */
function laneEvents(blocks: Block[], minimumMs: number) {
  const events = blocks
    .filter((block) => block.kind === 'interview' || block.kind === 'hold')
    .map((block) => ({ key: block.key, start: block.start, end: Math.max(block.end, block.start + minimumMs) }));
  return new Map(assignLanes(events).map((event) => [event.key, event]));
}

function blocksOf(person: PlannedPerson): Block[] {
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
function formatSpan(start: number, end: number, timeZone: string): string {
  const dayOf = (instant: number) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
  const time = (instant: number) => formatTime(new Date(instant).toISOString(), timeZone);
  if (dayOf(start) === dayOf(end - 1)) return `${time(start)}–${time(end)}`;
  const weekday = (instant: number) => new Intl.DateTimeFormat(undefined, { timeZone, weekday: 'short' }).format(instant);
  return `${weekday(start)} ${time(start)}–${weekday(end)} ${time(end)}`;
}

/** A block's words: what, when in the chosen zone, and when in the spokesperson's own zone if it differs. */
function BlockText({ block, timeZone, personZone }: { block: Block; timeZone: string; personZone: string }) {
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

function blockTitle(block: Block, timeZone: string, personZone: string): string {
  const local = personZone !== timeZone ? ` (${formatSpan(block.start, block.end, personZone)} in ${zoneCity(personZone)})` : '';
  return `${block.label}, ${formatSpan(block.start, block.end, timeZone)} ${zoneCity(timeZone)} time${local}`;
}

function blockClass(block: Block): string {
  if (block.kind === 'interview') return `planner-item planner-event planner-interview planner-status-${block.status}`;
  if (block.kind === 'hold') return 'planner-item planner-event planner-hold';
  return `planner-item planner-band planner-${block.kind}`;
}

function PersonHeading({ person, now, id }: { person: PlannedPerson; now: number; id: string }) {
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

/** Day view: a time gutter and one column per spokesperson, time running down. */
function DayGrid({ data, axis, timeZone, now }: { data: Planner; axis: PlannerWindow; timeZone: string; now: number }) {
  const id = useId();
  const hours = (axis.to - axis.from) / 3_600_000;
  const nights = data.night.map((night) => placeOnAxis(axis, Date.parse(night.start), Date.parse(night.end))).filter((place) => place !== null);
  const nowPlace = placeOnAxis(axis, now, now + 1);
  return (
    <div className="planner-scroll" role="region" aria-label={`Planner grid, ${formatDate(axis.days[0]!.date)}`} tabIndex={0}>
      <div className="planner-day" style={{ '--columns': data.spokespeople.length, '--hours': hours } as CSSProperties}>
        <div className="planner-gutter" aria-hidden="true">
          <div className="planner-head planner-gutter-head">{zoneCity(timeZone)}</div>
          <div className="planner-track">
            {nights.map((place, index) => (
              <div key={index} className="planner-night planner-gutter-night" style={{ top: `${place.offset * 100}%`, height: `${place.size * 100}%` }}>
                <span>Night</span>
              </div>
            ))}
            {hourTicks(axis).map((tick) => (
              <span key={tick} className="planner-tick" style={{ top: `${((tick - axis.from) / (axis.to - axis.from)) * 100}%` }}>
                {formatTime(new Date(tick).toISOString(), timeZone)}
              </span>
            ))}
          </div>
        </div>
        {data.spokespeople.map((person) => {
          const headingId = `${id}-${person.id}`;
          const blocks = blocksOf(person);
          const laneOf = laneEvents(blocks, DAY_EVENT_MIN_MS);
          return (
            <section key={person.id} className="planner-column" aria-labelledby={headingId}>
              <div className="planner-head">
                <PersonHeading person={person} now={now} id={headingId} />
              </div>
              <div className="planner-track">
                {nights.map((place, index) => (
                  <div key={index} className="planner-night" aria-hidden="true" style={{ top: `${place.offset * 100}%`, height: `${place.size * 100}%` }} />
                ))}
                {nowPlace && <div className="planner-now" aria-hidden="true" style={{ top: `${nowPlace.offset * 100}%` }} />}
                {blocks.length === 0 ? (
                  <p className="planner-empty">No working hours or bookings this day.</p>
                ) : (
                  <ul aria-label={`${person.name}: working hours, time off and interviews, ${zoneCity(timeZone)} time`}>
                    {blocks.map((block) => {
                      const place = placeOnAxis(axis, block.start, block.end);
                      if (!place) return null;
                      const lane = laneOf.get(block.key);
                      const style: CSSProperties = { top: `${place.offset * 100}%`, height: `${place.size * 100}%` };
                      if (lane) {
                        style.left = `calc(var(--band-label) + (100% - var(--band-label) - 4px) * ${lane.lane} / ${lane.lanes})`;
                        style.width = `calc((100% - var(--band-label) - 4px) / ${lane.lanes})`;
                      }
                      return (
                        <li key={block.key} className={blockClass(block)} style={style} title={blockTitle(block, timeZone, person.timeZone)}>
                          <BlockText block={block} timeZone={timeZone} personZone={person.timeZone} />
                        </li>
                      );
                    })}
                  </ul>
                )}
              </div>
            </section>
          );
        })}
      </div>
    </div>
  );
}

/** Week view: one row per spokesperson, time running across seven days. */
function WeekGrid({ data, axis, timeZone, now }: { data: Planner; axis: PlannerWindow; timeZone: string; now: number }) {
  const id = useId();
  const hours = (axis.to - axis.from) / 3_600_000;
  const nights = data.night.map((night) => placeOnAxis(axis, Date.parse(night.start), Date.parse(night.end))).filter((place) => place !== null);
  const nowPlace = placeOnAxis(axis, now, now + 1);
  const dayFormat = new Intl.DateTimeFormat(undefined, { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' });
  const tickFormat = new Intl.DateTimeFormat(undefined, { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit' });
  const dayLines = axis.days.map((day) => ({ ...day, offset: (day.start - axis.from) / (axis.to - axis.from) }));
  const scroller = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // A week is wider than any screen: start at now if it is this week, else at the first working hours.
    const element = scroller.current;
    const content = element?.firstElementChild as HTMLElement | null | undefined;
    if (!element || !content) return;
    const firstWorking = Math.min(...data.spokespeople.flatMap((person) => person.working.map((range) => Date.parse(range.start))).filter((start) => start >= axis.from));
    const target = nowPlace ? now : firstWorking;
    if (!Number.isFinite(target)) return;
    const nameColumn = (content.querySelector('.planner-row-head') as HTMLElement | null)?.offsetWidth ?? 0;
    const trackWidth = content.scrollWidth - nameColumn;
    element.scrollLeft = Math.max(0, ((target - axis.from) / (axis.to - axis.from)) * trackWidth - 48);
    // Only when the week or its data change, not on every clock tick.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data, axis.from, axis.to]);
  return (
    <div ref={scroller} className="planner-scroll" role="region" aria-label={`Planner grid, week of ${formatDate(axis.days[0]!.date)}`} tabIndex={0}>
      <div className="planner-week" style={{ '--hours': hours } as CSSProperties}>
        <div className="planner-week-row planner-week-axis" aria-hidden="true">
          <div className="planner-row-head">{zoneCity(timeZone)} time</div>
          <div className="planner-track">
            {nights.map((place, index) => (
              <div key={index} className="planner-night planner-gutter-night" style={{ left: `${place.offset * 100}%`, width: `${place.size * 100}%` }}>
                <span>Night</span>
              </div>
            ))}
            {axis.days
              // Every six hours from each local midnight: labelled with the real local time, so a DST day reads 07:00, not 06:00.
              .flatMap((day) => [6, 12, 18].map((hours) => day.start + hours * 3_600_000))
              .map((tick) => (
                <span key={tick} className="planner-tick" style={{ left: `${((tick - axis.from) / (axis.to - axis.from)) * 100}%` }}>
                  {tickFormat.format(tick)}
                </span>
              ))}
            {dayLines.map((day) => (
              <span key={day.date} className="planner-day-label" style={{ left: `${day.offset * 100}%` }}>
                {dayFormat.format(Date.parse(`${day.date}T00:00:00Z`))}
              </span>
            ))}
          </div>
        </div>
        {data.spokespeople.map((person) => {
          const headingId = `${id}-${person.id}`;
          const blocks = blocksOf(person);
          const laneOf = laneEvents(blocks, WEEK_EVENT_MIN_MS);
          const lanes = Math.max(1, ...[...laneOf.values()].map((event) => event.lane + 1));
          return (
            <section key={person.id} className="planner-week-row" aria-labelledby={headingId}>
              <div className="planner-row-head">
                <PersonHeading person={person} now={now} id={headingId} />
              </div>
              <div className="planner-track" style={{ '--lanes': lanes } as CSSProperties}>
                {nights.map((place, index) => (
                  <div key={index} className="planner-night" aria-hidden="true" style={{ left: `${place.offset * 100}%`, width: `${place.size * 100}%` }} />
                ))}
                {dayLines.slice(1).map((day) => (
                  <div key={day.date} className="planner-day-line" aria-hidden="true" style={{ left: `${day.offset * 100}%` }} />
                ))}
                {nowPlace && <div className="planner-now" aria-hidden="true" style={{ left: `${nowPlace.offset * 100}%` }} />}
                {blocks.length === 0 ? (
                  <p className="planner-empty">No working hours or bookings this week.</p>
                ) : (
                  <ul aria-label={`${person.name}: working hours, time off and interviews, ${zoneCity(timeZone)} time`}>
                    {blocks.map((block) => {
                      const place = placeOnAxis(axis, block.start, block.end);
                      if (!place) return null;
                      const lane = laneOf.get(block.key);
                      const style: CSSProperties = { left: `${place.offset * 100}%`, width: `${place.size * 100}%` };
                      if (lane) {
                        style.top = `calc(var(--band-label) + var(--lane) * ${lane.lane})`;
                      }
                      return (
                        <li key={block.key} className={blockClass(block)} style={style} title={blockTitle(block, timeZone, person.timeZone)}>
                          <BlockText block={block} timeZone={timeZone} personZone={person.timeZone} />
                        </li>
                      );
                    })}
                  </ul>
                )}
              </div>
            </section>
          );
        })}
      </div>
    </div>
  );
}

/** The same facts as a table: readable line by line with a screen reader, and on any screen. */
function PlannerTable({ data, axis, timeZone, title }: { data: Planner; axis: PlannerWindow; timeZone: string; title: string }) {
  const many = axis.days.length > 1;
  const when = (instant: number) =>
    many ? new Intl.DateTimeFormat(undefined, { timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(instant) : formatTime(new Date(instant).toISOString(), timeZone);
  return (
    <details className="planner-table">
      <summary>Show the planner as a table</summary>
      <table>
        <caption>
          {title}, times in {zoneCity(timeZone)} ({timeZone})
        </caption>
        <thead>
          <tr>
            <th scope="col">Spokesperson</th>
            <th scope="col">What</th>
            <th scope="col">From</th>
            <th scope="col">To</th>
            <th scope="col">Their local time</th>
          </tr>
        </thead>
        <tbody>
          {data.spokespeople.flatMap((person) => {
            const blocks = blocksOf(person);
            if (blocks.length === 0) {
              return [
                <tr key={person.id}>
                  <th scope="row">{person.name}</th>
                  <td colSpan={4}>Nothing planned and no working hours.</td>
                </tr>,
              ];
            }
            return blocks.map((block) => (
              <tr key={`${person.id}-${block.key}`}>
                <th scope="row">{person.name}</th>
                <td>{block.label}</td>
                <td>{when(block.start)}</td>
                <td>{when(block.end)}</td>
                <td>
                  {formatSpan(block.start, block.end, person.timeZone)} in {zoneCity(person.timeZone)}
                </td>
              </tr>
            ));
          })}
        </tbody>
      </table>
    </details>
  );
}
