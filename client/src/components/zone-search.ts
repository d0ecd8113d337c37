// Finding a time zone from what people type: a city ("Geneva", "sao paulo"),
// an IANA name or a retired alias ("Asia/Calcutta"), a country, an offset
// ("+5:45"), or an abbreviation ("CET", "IST"). Cities, countries, aliases and
// abbreviations come from @vvo/tzdb (GeoNames cities, IANA links), loaded only
// when the reporter starts searching. Abbreviations are ambiguous (IST is
// India, Israel, Ireland and Sri Lanka), so they list candidates and never
// pick one: the reporter chooses. They are only searched, never stored.
import { listTimeZones, oldZoneName } from '../time';

/** The fields of a @vvo/tzdb raw zone this search reads. */
export interface ZoneRecord {
  name: string;
  group: string[];
  mainCities: string[];
  countryName: string;
  alternativeName: string;
  abbreviation: string;
  dstAbbreviation?: string;
}

/**
 * Capitals the dataset leaves out (it keeps each zone's four most populous
 * cities), which reporters type for a government's time: a supplement to the
 * dataset, not a zone table.
 */
const CAPITALS_NOT_IN_DATASET: Record<string, string[]> = {
  'America/New_York': ['Washington'],
  'Europe/Zurich': ['Bern'],
  'America/Sao_Paulo': ['Brasília'],
  'Asia/Kolkata': ['New Delhi'],
  'Asia/Karachi': ['Islamabad'],
};

export interface ZoneEntry {
  zone: string;
  /** "Zurich — Europe/Zurich (UTC+01:00)" */
  label: string;
  cities: string[];
  abbreviations: string[];
  /** Folded text searched for words. */
  search: string;
}

export type ZoneSearchResult =
  | { kind: 'all'; matches: ZoneEntry[] }
  | { kind: 'text'; matches: { entry: ZoneEntry; city?: string }[] }
  | { kind: 'abbreviation'; abbreviation: string; matches: { entry: ZoneEntry; city?: string }[] };

/** Lowercase, accents and underscores removed, so "sao paulo" finds "São Paulo" and "America/Sao_Paulo". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/_/g, ' ').toLowerCase();
}

/** Each zone (current IANA names) with its label and, when the dataset knows it, its cities, country, aliases and abbreviations. */
export function buildZoneIndex(zones: string[], records: ZoneRecord[] = [], now = new Date()): ZoneEntry[] {
  const byName = new Map<string, ZoneRecord>();
  for (const record of records) for (const name of [record.name, ...record.group]) if (!byName.has(name)) byName.set(name, record);
  return listTimeZones(now, zones).map(({ zone, label }) => {
    const record = byName.get(zone) ?? (oldZoneName(zone) ? byName.get(oldZoneName(zone)!) : undefined);
    const offset = /UTC([+-]\d\d:\d\d)/.exec(label)?.[1] ?? '';
    const cities = [...(record?.mainCities ?? []), ...(CAPITALS_NOT_IN_DATASET[zone] ?? [])];
    const abbreviations = record ? [record.abbreviation, record.dstAbbreviation].filter((value): value is string => Boolean(value) && /^[A-Z]{2,5}$/.test(value!)) : [];
    const aliases = [oldZoneName(zone), ...(record && record.name === zone ? record.group : [])].filter(Boolean);
    const search = fold([label, ...aliases, ...cities, record?.countryName ?? '', record?.alternativeName ?? '', offset.replace(/^([+-])0/, '$1')].join(' | '));
    return { zone, label, cities, abbreviations, search };
  });
}

/** The first of the zone's cities that the search matched, when it is not the zone's own name (shown beside the zone: "Geneva"). */
function matchedCity(entry: ZoneEntry, needle: string): string | undefined {
  const own = fold(entry.zone.split('/').pop()!);
  return entry.cities.find((city) => fold(city).includes(needle) && fold(city) !== own);
}

/**
 * Zones matching a query. An abbreviation (2–5 letters, in capitals or not)
 * that some zone uses gives those zones as candidates; anything else matches
 * words, best first: the zone's own city, then one of its cities, then the rest.
 */
export function searchZones(index: ZoneEntry[], query: string): ZoneSearchResult {
  const needle = fold(query.trim());
  if (!needle) return { kind: 'all', matches: index };
  const upper = query.trim().toUpperCase();
  if (/^[A-Z]{2,5}$/.test(upper)) {
    const candidates = index.filter((entry) => entry.abbreviations.includes(upper));
    if (candidates.length > 0) return { kind: 'abbreviation', abbreviation: upper, matches: candidates.map((entry) => ({ entry })) };
  }
  const rank = (entry: ZoneEntry) => {
    if (fold(entry.zone.split('/').pop()!).startsWith(needle)) return 0;
    if (entry.cities.some((city) => fold(city).startsWith(needle))) return 1;
    return 2;
  };
  const matches = index
    .filter((entry) => entry.search.includes(needle))
    .map((entry) => ({ entry, rank: rank(entry), city: matchedCity(entry, needle) }))
    .sort((a, b) => a.rank - b.rank)
    .map(({ entry, city }) => ({ entry, city }));
  return { kind: 'text', matches };
}

/** The dataset, fetched on first search (some 21 KB gzipped, kept off the booking page's first load). */
export async function loadZoneRecords(): Promise<ZoneRecord[]> {
  const module = await import('@vvo/tzdb/raw-time-zones.json');
  return module.default as ZoneRecord[];
}
