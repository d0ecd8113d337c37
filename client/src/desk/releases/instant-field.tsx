// An instant entered as a wall time in the editor's zone, shown beside it in
// UTC and in the office's zone, each named (abbreviation computed for that date).
import { useId } from 'react';
import { zoneAbbreviation } from '../../components/zone-abbreviation';
import { formatDateTime, wallTimeToInstant, zoneCity } from '../../time';

/** "2027-03-23T00:01" in `timeZone` for an ISO instant (for datetime-local). */
export function instantToWallTime(iso: string | null, timeZone: string): string {
  if (!iso) return '';
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(iso)).map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** The instant a wall time means in a zone, or null when empty. */
export function wallTimeToIso(local: string, timeZone: string): string | null {
  return local ? new Date(wallTimeToInstant(local, timeZone)).toISOString() : null;
}

export function InstantField(props: { label: string; hint?: string; value: string; onChange: (value: string) => void; editorZone: string; officeZone: string; errors?: string[] }) {
  const id = useId();
  const iso = wallTimeToIso(props.value, props.editorZone);
  const abbreviation = iso ? zoneAbbreviation(props.editorZone, new Date(iso)) : zoneAbbreviation(props.editorZone);
  return (
    <div className="form-field">
      <label htmlFor={id}>
        {props.label} ({zoneCity(props.editorZone)} time, {abbreviation})
      </label>
      <input id={id} type="datetime-local" value={props.value} onChange={(event) => props.onChange(event.target.value)} aria-describedby={`${id}-beside`} aria-invalid={props.errors?.length ? true : undefined} />
      <span id={`${id}-beside`} className="meta hint">
        {iso ? (
          <>
            = {formatDateTime(iso, 'UTC')} · {formatDateTime(iso, props.officeZone)} in {zoneCity(props.officeZone)} (office)
          </>
        ) : (
          props.hint ?? 'Not set.'
        )}
      </span>
      {props.errors && <span className="field-error">{props.errors.join(' ')}</span>}
    </div>
  );
}
