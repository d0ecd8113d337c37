/**
 * Zones that break naive time code, shared by the availability tests: half- and quarter-hour
 * offsets, 30-minute and 2-hour DST shifts, southern-hemisphere DST, transitions at midnight,
 * Ramadan-suspended DST, the ±14 h extremes, and plain UTC.
 */
export const TRICKY_ZONES = [
  'America/New_York',
  'America/Los_Angeles',
  'Europe/Zurich',
  'Europe/London',
  'Australia/Lord_Howe', // +10:30 / +11, DST shift of 30 minutes
  'Australia/Adelaide', // +09:30 / +10:30
  'Australia/Eucla', // +08:45
  'Asia/Kathmandu', // +05:45
  'Asia/Kolkata', // +05:30
  'Asia/Tehran', // +03:30
  'Pacific/Kiritimati', // +14
  'Pacific/Chatham', // +12:45 / +13:45
  'Pacific/Auckland',
  'Pacific/Marquesas', // -09:30
  'Pacific/Honolulu',
  'America/St_Johns', // -03:30 / -02:30
  'America/Santiago', // southern DST, changes at local midnight
  'America/Havana', // spring-forward at 00:00: local midnight does not exist
  'Asia/Beirut', // changes at midnight
  'Asia/Gaza',
  'Africa/Casablanca', // +01 with DST suspended (to +00) around Ramadan
  'Antarctica/Troll', // +00 / +02: a two-hour DST shift
  'America/Nuuk',
  'UTC',
] as const;
