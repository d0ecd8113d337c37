// The planner's key, and the same facts as a table (for screen readers and any screen).
import { formatTime, zoneCity } from '../../time';
import type { PlannerWindow } from './planner-layout';
import { blocksOf, formatSpan, type Planner } from './planner-blocks';

export function Legend({ timeZone }: { timeZone: string }) {
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

/** The same facts as a table: readable line by line with a screen reader, and on any screen. */
export function PlannerTable({ data, axis, timeZone, title }: { data: Planner; axis: PlannerWindow; timeZone: string; title: string }) {
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
