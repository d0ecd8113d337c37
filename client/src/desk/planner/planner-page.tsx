import { useEffect, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { QueryResult, useTRPC } from '../../api/query';
import { ZonePicker } from '../../components/zone-picker';
import { useLocation } from '../../router';
import { browserTimeZone, formatDate, zoneCity } from '../../time';
import { addDays, isCalendarDate, isKnownTimeZone, plannerWindow, todayIn, type PlannerMode } from './planner-layout';
import { DayGrid, WeekGrid } from './planner-grids';
import { Legend, PlannerTable } from './planner-table';
import type { StaffUser } from '../staff-user';
import './planner.css';

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
  const trpc = useTRPC();
  // Refreshed now and then (and on focus), so bookings other press officers make show up.
  const planner = useQuery({
    ...trpc.desk.planner.queryOptions({ from: new Date(range.from).toISOString(), to: new Date(range.to).toISOString(), timeZone }),
    refetchInterval: 60_000,
  });
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
      <QueryResult query={planner} label="the planner">
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
      </QueryResult>
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
