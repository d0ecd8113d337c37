// Time off: absolute instants away, entered in the spokesperson's zone.
import { useId } from 'react';
import { formatDateTime, zoneCity } from '../../time';
import { localDate, newKey, type Draft, type DraftTimeOff, type FieldErrors } from './availability-draft';
import { useFieldErrors, type Change } from './availability-fields';

export function TimeOff({ draft, errors, change, zone }: { draft: Draft; errors: FieldErrors; change: Change; zone: string }) {
  const remove = (index: number) => change((current) => ({ ...current, timeOff: current.timeOff.filter((_, at) => at !== index) }));
  const add = () =>
    change((current) => ({ ...current, timeOff: [...current.timeOff, { key: newKey(), startLocal: `${localDate(zone, 1)}T00:00`, endLocal: `${localDate(zone, 2)}T00:00`, reason: '' }] }));
  const saved = draft.timeOff.map((entry, index) => ({ entry, index })).filter(({ entry }) => entry.saved);
  const fresh = draft.timeOff.map((entry, index) => ({ entry, index })).filter(({ entry }) => !entry.saved);
  return (
    <section aria-labelledby="time-off-heading" className="card availability-section">
      <h3 id="time-off-heading">Time off</h3>
      <p className="meta">Travel, holidays: no interviews between these times ({zoneCity(zone)} time).</p>
      {saved.length === 0 ? (
        <p>No time off planned.</p>
      ) : (
        <ul className="time-off-list" aria-label="Planned time off">
          {saved.map(({ entry, index }) =>
            entry.saved ? (
              <li key={entry.key}>
                <span>
                  {formatDateTime(entry.saved.start, zone)} to {formatDateTime(entry.saved.end, zone)}
                  {entry.saved.reason ? <>: {entry.saved.reason}</> : null}
                </span>
                {errors[`timeOff.${index}`] && <span className="field-error">{errors[`timeOff.${index}`]!.join(' ')}</span>}
                <button type="button" className="secondary" onClick={() => remove(index)}>
                  Remove<span className="visually-hidden"> time off from {formatDateTime(entry.saved.start, zone)}{entry.saved.reason ? ` (${entry.saved.reason})` : ''}</span>
                </button>
              </li>
            ) : null,
          )}
        </ul>
      )}
      {fresh.map(({ entry, index }, position) => (entry.saved ? null : <NewTimeOffRow key={entry.key} entry={entry} index={index} number={position + 1} zone={zone} errors={errors} change={change} onRemove={() => remove(index)} />))}
      <button type="button" className="secondary add" onClick={add}>Add time off</button>
    </section>
  );
}

function NewTimeOffRow({ entry, index, number, zone, errors, change, onRemove }: { entry: Extract<DraftTimeOff, { saved?: undefined }>; index: number; number: number; zone: string; errors: FieldErrors; change: Change; onRemove: () => void }) {
  const id = useId();
  const fields = useFieldErrors(errors);
  const start = fields([`timeOff.${index}.start`]);
  const end = fields([`timeOff.${index}.end`]);
  const reason = fields([`timeOff.${index}.reason`]);
  const whole = fields([`timeOff.${index}`]);
  const label = `New time off ${number}`;
  const update = (patch: Partial<{ startLocal: string; endLocal: string; reason: string }>) =>
    change((current) => ({ ...current, timeOff: current.timeOff.map((item, at) => (at === index && !item.saved ? { ...item, ...patch } : item)) }));
  return (
    <fieldset className="new-time-off">
      <legend>{label} (not saved yet)</legend>
      {whole.text}
      <div className="time-off-fields">
        <div>
          <label htmlFor={`${id}-start`}>
            <span className="visually-hidden">{label}: </span>From ({zoneCity(zone)} time)
          </label>
          <input id={`${id}-start`} type="datetime-local" value={entry.startLocal} required onChange={(event) => update({ startLocal: event.target.value })} {...start.inputProps} />
          {start.text}
        </div>
        <div>
          <label htmlFor={`${id}-end`}>
            <span className="visually-hidden">{label}: </span>To ({zoneCity(zone)} time)
          </label>
          <input id={`${id}-end`} type="datetime-local" value={entry.endLocal} required onChange={(event) => update({ endLocal: event.target.value })} {...end.inputProps} />
          {end.text}
        </div>
      </div>
      <label htmlFor={`${id}-reason`}>
        <span className="visually-hidden">{label}: </span>Reason (optional)
      </label>
      <input id={`${id}-reason`} value={entry.reason} maxLength={200} onChange={(event) => update({ reason: event.target.value })} {...reason.inputProps} />
      {reason.text}
      <button type="button" className="secondary" onClick={onRemove}>
        Discard<span className="visually-hidden"> {label}</span>
      </button>
    </fieldset>
  );
}
