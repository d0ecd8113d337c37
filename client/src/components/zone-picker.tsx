import { useEffect, useId, useMemo, useState } from 'react';
import { listTimeZones, pickerZoneNames } from '../time';
import { useI18n } from '../i18n/i18n';
import { buildZoneIndex, loadZoneRecords, searchZones, type ZoneEntry, type ZoneRecord } from './zone-search';
import './zone-picker.css';

/**
 * A searchable IANA time-zone picker ("Your time zone"): type a city, a
 * country, a zone name, an old name, an offset ("+5:45") or an abbreviation
 * ("CET") to narrow the list. Enter picks the first match of a city or name;
 * an abbreviation only lists its zones, since it names several.
 */
export function ZonePicker({ value, onChange, label }: { value: string; onChange: (zone: string) => void; label?: string }) {
  const { t } = useI18n();
  const id = useId();
  const [filter, setFilter] = useState('');
  // Labelling ~420 zones and fetching the city dataset cost time: done on
  // first use of the picker, not before the slots can show.
  const [expanded, setExpanded] = useState(false);
  const [records, setRecords] = useState<ZoneRecord[] | undefined>(undefined);
  useEffect(() => {
    if (!expanded || records) return;
    let current = true;
    loadZoneRecords().then(
      (loaded) => current && setRecords(loaded),
      () => current && setRecords([]), // names and offsets still work without the cities
    );
    return () => {
      current = false;
    };
  }, [expanded, records]);
  const index = useMemo(() => (expanded ? buildZoneIndex(pickerZoneNames(), records ?? []) : null), [expanded, records]);
  const result = useMemo(() => (index ? searchZones(index, filter) : null), [index, filter]);
  const matches = result?.kind === 'all' ? result.matches.map((entry) => ({ entry, city: undefined as string | undefined })) : (result?.matches ?? []);
  // The chosen zone stays in the list (first) even when the search leaves it out.
  const chosen: ZoneEntry = index?.find((entry) => entry.zone === value) ?? { zone: value, label: listTimeZones(new Date(), [value])[0]!.label, cities: [], abbreviations: [], search: '' };
  const shown = matches.some((match) => match.entry.zone === value) ? matches : [{ entry: chosen, city: undefined }, ...matches];
  const searching = filter.trim() !== '' && result !== null && result.kind !== 'all';
  const first = matches[0];
  const optionLabel = (entry: ZoneEntry, city?: string) => (city ? `${entry.label} · ${city}` : entry.label);
  let status = '';
  if (searching && result) {
    if (result.kind === 'abbreviation') status = t('zone.abbreviation', { abbreviation: result.abbreviation, count: matches.length });
    else if (!first) status = t('zone.none');
    else status = t('zone.matches', { count: matches.length, zone: optionLabel(first.entry, first.city) });
  }
  return (
    <div className="zone-picker">
      <label htmlFor={`${id}-search`}>{t('zone.search')}</label>
      <input
        id={`${id}-search`}
        type="search"
        value={filter}
        autoComplete="off"
        aria-describedby={`${id}-count`}
        onFocus={() => setExpanded(true)}
        onChange={(event) => {
          setExpanded(true);
          setFilter(event.target.value);
        }}
        onKeyDown={(event) => {
          if (event.key !== 'Enter') return;
          event.preventDefault();
          // Never a silent guess for an abbreviation: the reporter picks from the list.
          if (searching && result?.kind === 'text' && first) onChange(first.entry.zone);
        }}
        placeholder={t('zone.placeholder')}
      />
      {/* Always present, so screen readers announce the count as it changes. */}
      <span id={`${id}-count`} className="zone-count" role="status">
        {status}
      </span>
      <label htmlFor={`${id}-zone`}>{label ?? t('zone.label')}</label>
      <select id={`${id}-zone`} value={value} onFocus={() => setExpanded(true)} onMouseDown={() => setExpanded(true)} onChange={(event) => onChange(event.target.value)}>
        {shown.map(({ entry, city }) => (
          <option key={entry.zone} value={entry.zone}>
            {optionLabel(entry, city)}
          </option>
        ))}
      </select>
    </div>
  );
}
