// The flag on a booked interview that the spokesperson's own calendar now
// shows them busy during (server/calendars/find-calendar-clashes.ts): which
// calendar, when it was last read, and the busy time, in the viewer's zone.
// Shown in the queue, the interview list and the interview page.
import { ageOf } from '../time';
import { formatSpan } from './three-zones';
import './calendar-clash-note.css';

export interface CalendarClash {
  calendar: string;
  start: string;
  end: string;
  syncedAt: string | null;
}

export function CalendarClashNote({ clash, timeZone, now = Date.now() }: { clash: CalendarClash; timeZone: string; now?: number }) {
  return (
    <p className="calendar-clash">
      <strong>Calendar conflict:</strong> {clash.calendar}, synced {clash.syncedAt ? ageOf(clash.syncedAt, now) : 'at an unknown time'}, shows the spokesperson busy {formatSpan(clash.start, clash.end, timeZone)}. Check with them and reschedule if needed.
    </p>
  );
}
