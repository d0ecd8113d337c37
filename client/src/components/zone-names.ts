// Current IANA names for the zone picker.
//
// Why: Chromium and Node (ICU/CLDR) still report and list some zones by names
// IANA retired years ago ("Asia/Katmandu", "Asia/Calcutta", "Europe/Kiev"), so
// a reporter in Kathmandu searching for "Kathmandu" found nothing and saw
// "Katmandu time". Both names are valid to Intl and to the server (tzdb keeps
// the old ones as links); we show and send the current one, and still match
// the old one in searches.

/** Old name → current IANA name, for the names ICU still lists. */
const CURRENT_NAMES: Record<string, string> = {
  'Africa/Asmera': 'Africa/Asmara',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Coral_Harbour': 'America/Atikokan',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Godthab': 'America/Nuuk',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Louisville': 'America/Kentucky/Louisville',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
};

/** The old names of each current name, so a search for "Calcutta" still finds Kolkata. */
const OLD_NAMES = new Map(Object.entries(CURRENT_NAMES).map(([old, current]) => [current, old]));

/** The current IANA name of a zone ("Asia/Katmandu" → "Asia/Kathmandu"); others unchanged. */
export function currentZoneName(zone: string): string {
  return CURRENT_NAMES[zone] ?? zone;
}

/** The zone's retired name, if it has one, for searching. */
export function oldZoneName(zone: string): string | undefined {
  return OLD_NAMES.get(zone);
}

/** Every zone the browser knows, by current name, plus UTC (which Intl does not list), sorted. */
export function pickerZoneNames(): string[] {
  const listed = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set(['UTC', ...listed.map(currentZoneName)])].sort((a, b) => (a === 'UTC' ? -1 : b === 'UTC' ? 1 : a.localeCompare(b)));
}
