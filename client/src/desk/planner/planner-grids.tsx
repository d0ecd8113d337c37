// The planner's two grids: a day (one column per spokesperson, time running
// down) and a week (one row per spokesperson, time running across).
import { useEffect, useId, useRef, type CSSProperties } from 'react';
import { formatDate, formatTime, zoneCity } from '../../time';
import { hourTicks, placeOnAxis, type PlannerWindow } from './planner-layout';
import { BlockText, blockClass, blocksOf, blockTitle, DAY_EVENT_MIN_MS, laneEvents, PersonHeading, WEEK_EVENT_MIN_MS, type Planner } from './planner-blocks';

/** Day view: a time gutter and one column per spokesperson, time running down. */
export function DayGrid({ data, axis, timeZone, now }: { data: Planner; axis: PlannerWindow; timeZone: string; now: number }) {
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
export function WeekGrid({ data, axis, timeZone, now }: { data: Planner; axis: PlannerWindow; timeZone: string; now: number }) {
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
