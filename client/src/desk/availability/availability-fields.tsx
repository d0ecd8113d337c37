// The availability editor's small pieces: a wall-clock range row, a number
// field, and the messages tied to each input.
import { useId } from 'react';
import { newKey, type Draft, type DraftRange, type FieldErrors } from './availability-draft';

/** After a refused save, takes keyboard and screen-reader users to the first field to fix (once it has rendered). */
export function focusFirstInvalid() {
  requestAnimationFrame(() => document.querySelector<HTMLElement>('.availability-form [aria-invalid="true"]')?.focus());
}

export type Change = (update: (draft: Draft) => Draft) => void;

/** Messages for a field, and the props that tie the input to them. */
export function useFieldErrors(errors: FieldErrors) {
  const id = useId();
  return (keys: string[]) => {
    const messages = keys.flatMap((key) => errors[key] ?? []);
    const errorId = `${id}-${keys[0]}-error`;
    return {
      messages,
      errorId,
      inputProps: messages.length > 0 ? { 'aria-invalid': true as const, 'aria-describedby': errorId } : {},
      text: messages.length > 0 ? <span id={errorId} className="field-error">{messages.join(' ')}</span> : null,
    };
  };
}

/** One wall-clock range: from, to, remove; "24:00" (end of day) shows as 00:00 and is kept unless edited. */
export function RangeRow({ label, range, errorKey, errors, onChange, onRemove }: { label: string; range: DraftRange; errorKey: string; errors: FieldErrors; onChange: (range: DraftRange) => void; onRemove: () => void }) {
  const id = useId();
  const field = useFieldErrors(errors)([errorKey, `${errorKey}.start`, `${errorKey}.end`, `${errorKey}.weekday`]);
  const midnight = range.end === '24:00' || (range.end === '00:00' && range.start !== '00:00');
  const overnight = !midnight && range.start !== '' && range.end !== '' && range.end < range.start;
  return (
    <li className="range-row">
      <div className="range-fields">
        <div>
          <label htmlFor={`${id}-start`}>
            <span className="visually-hidden">{label}: </span>From
          </label>
          <input id={`${id}-start`} type="time" value={range.start} required onChange={(event) => onChange({ ...range, start: event.target.value })} {...field.inputProps} />
        </div>
        <div>
          <label htmlFor={`${id}-end`}>
            <span className="visually-hidden">{label}: </span>To
          </label>
          <input id={`${id}-end`} type="time" value={range.end === '24:00' ? '00:00' : range.end} required onChange={(event) => onChange({ ...range, end: event.target.value })} {...field.inputProps} />
        </div>
        <button type="button" className="secondary" onClick={onRemove}>
          Remove<span className="visually-hidden"> {label}</span>
        </button>
      </div>
      {midnight && <p className="meta">Ends at midnight.</p>}
      {overnight && <p className="meta">Ends the next day.</p>}
      {field.text}
    </li>
  );
}

/** A sensible next range after the existing ones. */
export function nextRange(ranges: { end: string }[]): DraftRange {
  const last = ranges[ranges.length - 1];
  if (!last || last.end === '' || last.end >= '22:00' || last.end === '24:00') return { key: newKey(), start: '09:00', end: '17:00' };
  const [hours, minutes] = last.end.split(':').map(Number) as [number, number];
  const end = `${String(Math.min(hours + 2, 23)).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
  return { key: newKey(), start: last.end, end };
}

export function NumberField({ label, hint, value, errorKey, errors, onChange, optional }: { label: string; hint: string; value: string; errorKey: string; errors: FieldErrors; onChange: (value: string) => void; optional?: boolean }) {
  const id = useId();
  const field = useFieldErrors(errors)([errorKey]);
  return (
    <div className="number-field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="number" inputMode="numeric" min={0} step={1} value={value} required={!optional} onChange={(event) => onChange(event.target.value)} aria-describedby={[`${id}-hint`, field.messages.length > 0 ? field.errorId : ''].filter(Boolean).join(' ')} aria-invalid={field.messages.length > 0 || undefined} />
      <span id={`${id}-hint`} className="meta hint">{hint}</span>
      {field.text}
    </div>
  );
}
