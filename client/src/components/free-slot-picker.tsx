// Free times of one spokesperson for an interview length, live from
// availability.slots, as toggle buttons: the viewer's time, the
// spokesperson's beneath and, when given, the reporter's.
import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { QueryResult, useTRPC } from '../api/query';
import { formatDate, formatTime, zoneCity } from '../time';
import type { ZonedPerson } from './three-zones';

const DAY = 86_400_000;
export const SLOT_WINDOW_DAYS = 14;
/** Days of free times shown at first, and added by "Show more days". */
const DAYS_STEP = 3;

export type FreeSlot = { start: string; end: string; spokesperson: { start: string; end: string } };

function firstName(name: string) {
  return name.split(' ')[0] ?? name;
}

export function FreeSlotPicker({ person, durationMinutes, timeZone, reporter, isPicked, onPick, full = false }: { person: ZonedPerson & { id: string }; durationMinutes: number; timeZone: string; reporter?: ZonedPerson; isPicked: (start: string) => boolean; onPick: (slot: FreeSlot) => void; full?: boolean }) {
  const trpc = useTRPC();
  // Whole hours, as the reporter's picker does, so the same question gets the server's cached answer.
  const [from] = useState(() => Math.floor(Date.now() / 3_600_000) * 3_600_000);
  const [daysShown, setDaysShown] = useState(DAYS_STEP);
  const slots = useQuery(trpc.availability.slots.queryOptions({ spokespersonId: person.id, from: new Date(from).toISOString(), to: new Date(from + SLOT_WINDOW_DAYS * DAY).toISOString(), timeZone, duration: durationMinutes }));
  useEffect(() => setDaysShown(DAYS_STEP), [person.id]);
  return (
    <div className="queue-slots">
      <QueryResult query={slots} label={`${person.name}’s free times`}>
        {(data) =>
          data.days.length === 0 ? (
            <p>
              {person.name} has no free {durationMinutes}-minute times in the next {SLOT_WINDOW_DAYS} days.
            </p>
          ) : (
            <>
              <p className="meta">
                {person.name}’s free {durationMinutes}-minute times in {zoneCity(timeZone)} time, with {firstName(person.name)}’s time in {zoneCity(person.timeZone)} beneath
                {reporter ? <> and {firstName(reporter.name)}’s (the reporter) in {zoneCity(reporter.timeZone)}</> : null}.
              </p>
              <div className="days">
                {data.days.slice(0, daysShown).map((day) => (
                  <div key={day.date} className="day" role="group" aria-label={formatDate(day.date)}>
                    <h4>{formatDate(day.date)}</h4>
                    <ul className="slots">
                      {day.slots.map((slot) => {
                        const picked = isPicked(slot.start);
                        return (
                          <li key={slot.start}>
                            <button type="button" className="slot" aria-pressed={picked} disabled={full && !picked} onClick={() => onPick(slot)}>
                              <span className="viewer-time">{formatTime(slot.start, timeZone)}</span>
                              <span className="other-time">
                                {formatTime(slot.spokesperson.start, person.timeZone)} in {zoneCity(person.timeZone)}
                              </span>
                              {reporter && (
                                <span className="other-time">
                                  {formatTime(slot.start, reporter.timeZone)} in {zoneCity(reporter.timeZone)} (reporter)
                                </span>
                              )}
                            </button>
                          </li>
                        );
                      })}
                    </ul>
                  </div>
                ))}
              </div>
              {daysShown < data.days.length && (
                <button type="button" className="secondary" onClick={() => setDaysShown((value) => value + DAYS_STEP)}>
                  Show more days
                </button>
              )}
            </>
          )
        }
      </QueryResult>
    </div>
  );
}
