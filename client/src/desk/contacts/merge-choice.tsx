// One fact of a merge: the two records' values side by side, one to choose.
import { useId } from 'react';
import type { MergeField, Side } from './merge-fields';

export function distinctValues(values: string[]): string[] {
  return [...new Set(values)];
}

export function MergeChoice({ field, label, a, b, choice, onChoose, names }: { field: MergeField; label: string; a: string | null; b: string | null; choice: Side | 'both'; onChoose: (side: Side | 'both') => void; names: Record<Side, string> }) {
  const id = useId();
  const option = (side: Side | 'both', text: string | null, whose: string) => (
    <label className={`merge-option${choice === side ? ' merge-chosen' : ''}`} htmlFor={`${id}-${side}`}>
      <input id={`${id}-${side}`} type="radio" name={`${id}-${field}`} checked={choice === side} onChange={() => onChoose(side)} />
      <span className="merge-whose">{whose}</span>
      <span className="merge-value">{text ?? <span className="meta">(empty)</span>}</span>
    </label>
  );
  return (
    <fieldset className="merge-choice">
      <legend>{label}</legend>
      <div className="merge-options">
        {option('a', a, names.a)}
        {option('b', b, names.b === names.a ? `${names.b} (other record)` : names.b)}
        {field === 'notes' && a && b && option('both', `${a}\n\n${b}`, 'Both, joined')}
      </div>
    </fieldset>
  );
}
