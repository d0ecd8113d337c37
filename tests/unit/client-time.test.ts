// The web client's time helpers (client/src/time.ts): what a reporter reads,
// in which zone, across DST changes, half- and three-quarter-hour offsets
// (Kathmandu +5:45, Chatham +12:45/+13:45, Lord Howe's half-hour DST), current
// zone names, and whatever zone the machine itself is in.
import { DateTime } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import { browserTimeZone, currentZoneName, formatDate, formatDateTime, formatLocalTimeNow, formatTime, listTimeZones, oldZoneName, pickerZoneNames, wallTimeToInstant } from '../../client/src/time';
import { matchLanguage, primaryLanguages } from '../../client/src/components/interview-options';

const machineZone = process.env.TZ;
afterEach(() => {
  process.env.TZ = machineZone;
});

/** Runs `read` with the machine (process) in each zone; Node applies a changed TZ at once. */
function inMachineZones<T>(zones: string[], read: () => T): T[] {
  return zones.map((zone) => {
    process.env.TZ = zone;
    return read();
  });
}

const MACHINE_ZONES = ['Asia/Kathmandu', 'UTC', 'America/Los_Angeles', 'Pacific/Kiritimati'];

describe('formatTime', () => {
  it('reads one instant in each zone, including +5:45 and +13:45 offsets', () => {
    const instant = '2027-03-22T14:00:00Z';
    expect(formatTime(instant, 'Europe/Zurich', 'en-GB')).toBe('15:00'); // CET, +1
    expect(formatTime(instant, 'America/New_York', 'en-GB')).toBe('10:00'); // EDT since 14 March
    expect(formatTime(instant, 'Asia/Kathmandu', 'en-GB')).toBe('19:45');
    expect(formatTime(instant, 'Pacific/Chatham', 'en-GB')).toBe('03:45'); // +13:45 until 4 April
    expect(formatTime('2027-06-22T14:00:00Z', 'Pacific/Chatham', 'en-GB')).toBe('02:45'); // +12:45 in its winter
  });

  it('does not depend on the machine’s zone', () => {
    expect(new Set(inMachineZones(MACHINE_ZONES, () => formatTime('2027-03-22T14:00:00Z', 'Europe/Zurich', 'en-GB')))).toEqual(new Set(['15:00']));
  });

  it('its reused formatters write exactly what a new Intl.DateTimeFormat writes, per locale and zone', () => {
    const zones = ['Asia/Kathmandu', 'Pacific/Chatham', 'America/St_Johns', 'Europe/Zurich', 'UTC'];
    const locales = [undefined, 'en-US', 'en-GB', 'de-CH'];
    // The oracle: formatters built here, one per locale and zone, outside time.ts's cache.
    const fresh = zones.flatMap((zone) =>
      locales.map((locale) => ({
        zone,
        locale,
        time: new Intl.DateTimeFormat(locale, { timeZone: zone, hour: '2-digit', minute: '2-digit' }),
        dateTime: new Intl.DateTimeFormat(locale, { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }),
        timeNow: new Intl.DateTimeFormat(locale, { timeZone: zone, hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }),
      })),
    );
    for (let hour = 0; hour < 24 * 60; hour += 7) {
      const instant = new Date(Date.UTC(2027, 2, 1) + hour * 3_600_000);
      const iso = instant.toISOString();
      // Interleaved locales and zones: a formatter cached under the wrong key would show here.
      for (const { zone, locale, time, dateTime, timeNow } of fresh) {
        expect(formatTime(iso, zone, locale), `${iso} ${zone} ${locale}`).toBe(time.format(instant));
        expect(formatDateTime(iso, zone, locale), `${iso} ${zone} ${locale}`).toBe(dateTime.format(instant));
        expect(formatLocalTimeNow(zone, instant, locale), `${iso} ${zone} ${locale}`).toBe(timeNow.format(instant));
      }
    }
  });

  it('an unknown zone still fails loudly, every time', () => {
    expect(() => formatTime('2027-03-22T14:00:00Z', 'Mars/Olympus_Mons')).toThrow(RangeError);
    expect(() => formatTime('2027-03-22T14:00:00Z', 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('formatDateTime', () => {
  it('always names the zone, with the offset of that day', () => {
    expect(formatDateTime('2027-03-22T14:00:00Z', 'Asia/Kathmandu', 'en-GB')).toMatch(/^Mon 22 Mar,? 19:45 GMT\+5:45$/);
    expect(formatDateTime('2027-03-22T14:00:00Z', 'Pacific/Chatham', 'en-GB')).toMatch(/^Tue 23 Mar,? 03:45 GMT\+13:45$/);
    // New York on either side of its spring change: EST then EDT, same wall time.
    expect(formatDateTime('2027-03-13T15:00:00Z', 'America/New_York', 'en-US')).toMatch(/Sat, Mar 13,? 10:00\s?AM EST$/);
    expect(formatDateTime('2027-03-15T14:00:00Z', 'America/New_York', 'en-US')).toMatch(/Mon, Mar 15,? 10:00\s?AM EDT$/);
  });

  it('does not depend on the machine’s zone', () => {
    const texts = inMachineZones(MACHINE_ZONES, () => formatDateTime('2027-10-31T01:30:00Z', 'Europe/Zurich', 'en-GB'));
    expect(new Set(texts).size).toBe(1);
    expect(texts[0]).toMatch(/^Sun 31 Oct,? 02:30 CET$/);
  });
});

describe('formatDate', () => {
  it('shows the calendar date itself, never shifted by a zone', () => {
    const texts = inMachineZones(MACHINE_ZONES, () => [formatDate('2027-03-28', 'en-GB'), formatDate('2027-01-01', 'en-GB'), formatDate('2026-12-31', 'en-GB')]);
    for (const [spring, newYear, newYearsEve] of texts) {
      expect(spring).toMatch(/^Sunday,? 28 March 2027$/);
      expect(newYear).toMatch(/^Friday,? 1 January 2027$/);
      expect(newYearsEve).toMatch(/^Thursday,? 31 December 2026$/);
    }
  });
});

describe('formatLocalTimeNow', () => {
  it('gives the spokesperson’s local time now with the zone’s short name', () => {
    expect(formatLocalTimeNow('Europe/Zurich', new Date('2027-03-22T14:00:00Z'), 'en-GB')).toBe('15:00 CET');
    expect(formatLocalTimeNow('Asia/Kathmandu', new Date('2027-03-22T14:00:00Z'), 'en-GB')).toBe('19:45 GMT+5:45');
  });
});

describe('wallTimeToInstant', () => {
  it('turns a wall-clock time into the instant, at +5:45 and at Chatham’s two offsets', () => {
    expect(wallTimeToInstant('2027-06-01T09:00', 'Asia/Kathmandu')).toBe('2027-06-01T03:15:00.000Z');
    expect(wallTimeToInstant('2027-06-01T09:00', 'Pacific/Chatham')).toBe('2027-05-31T20:15:00.000Z'); // +12:45
    expect(wallTimeToInstant('2027-01-15T09:00', 'Pacific/Chatham')).toBe('2027-01-14T19:15:00.000Z'); // +13:45
    expect(wallTimeToInstant('2027-03-22T09:00', 'America/St_Johns')).toBe('2027-03-22T11:30:00.000Z'); // −2:30 (DST)
  });

  it('does not depend on the machine’s zone', () => {
    const instants = inMachineZones(MACHINE_ZONES, () => [wallTimeToInstant('2027-06-01T09:00', 'Asia/Kathmandu'), wallTimeToInstant('2027-03-28T02:30', 'Europe/Zurich')]);
    for (const pair of instants) expect(pair).toEqual(['2027-06-01T03:15:00.000Z', '2027-03-28T01:30:00.000Z']);
  });

  it('east of UTC, a time in a spring-forward gap moves forward by the gap', () => {
    // Zurich skips 02:00–03:00 on 28 March 2027: 02:30 becomes 03:30 CEST.
    expect(wallTimeToInstant('2027-03-28T02:30', 'Europe/Zurich')).toBe('2027-03-28T01:30:00.000Z');
    expect(formatTime('2027-03-28T01:30:00.000Z', 'Europe/Zurich', 'en-GB')).toBe('03:30');
    // Chatham skips 02:45–03:45 on 26 September 2027: 03:00 becomes 04:00 (+13:45).
    expect(wallTimeToInstant('2027-09-26T03:00', 'Pacific/Chatham')).toBe('2027-09-25T14:15:00.000Z');
    // Kathmandu went from +5:30 to +5:45 on 1 January 1986, skipping 00:00–00:15.
    expect(wallTimeToInstant('1986-01-01T00:10', 'Asia/Kathmandu')).toBe('1985-12-31T18:40:00.000Z');
  });

  it('west of UTC, a time in a spring-forward gap moves forward too (New York 02:30 → 03:30 EDT)', () => {
    for (const instant of inMachineZones(MACHINE_ZONES, () => wallTimeToInstant('2027-03-14T02:30', 'America/New_York'))) expect(instant).toBe('2027-03-14T07:30:00.000Z');
    expect(formatTime('2027-03-14T07:30:00.000Z', 'America/New_York', 'en-GB')).toBe('03:30');
  });

  it('a time repeated at fall-back reads back as the same wall time', () => {
    for (const [local, zone] of [
      ['2027-11-07T01:30', 'America/New_York'],
      ['2027-10-31T02:30', 'Europe/Zurich'],
      ['2027-04-04T03:00', 'Pacific/Chatham'],
    ] as const) {
      const instant = wallTimeToInstant(local, zone);
      expect(formatTime(instant, zone, 'en-GB'), `${local} ${zone}`).toBe(local.slice(11));
      expect(new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant))).toBe(local.slice(0, 10));
    }
  });

  // As the slot engine documents (server/availability/offset-timeline.ts).
  it('a repeated time resolves to its earlier occurrence on both sides of UTC', () => {
    for (const pair of inMachineZones(MACHINE_ZONES, () => [wallTimeToInstant('2027-11-07T01:30', 'America/New_York'), wallTimeToInstant('2027-10-31T02:30', 'Europe/Zurich')])) {
      expect(pair).toEqual([
        '2027-11-07T05:30:00.000Z', // 01:30 EDT
        '2027-10-31T00:30:00.000Z', // 02:30 CEST
      ]);
    }
  });

  it('half-hour and three-quarter-hour zones: gaps move forward, repeats take the earlier occurrence', () => {
    const cases = [
      ['2027-06-01T09:00', 'Asia/Kathmandu', '2027-06-01T03:15:00.000Z'],
      ['1986-01-01T00:10', 'Asia/Kathmandu', '1985-12-31T18:40:00.000Z'], // +5:30 → +5:45 skipped 00:00–00:15
      ['2027-01-15T09:00', 'Australia/Lord_Howe', '2027-01-14T22:00:00.000Z'], // +11
      ['2027-10-03T02:15', 'Australia/Lord_Howe', '2027-10-02T15:45:00.000Z'], // 02:00–02:30 skipped: 02:45 +11
      ['2027-04-04T01:45', 'Australia/Lord_Howe', '2027-04-03T14:45:00.000Z'], // 01:30–02:00 twice: the +11 one
      ['2027-09-26T03:00', 'Pacific/Chatham', '2027-09-25T14:15:00.000Z'], // 02:45–03:45 skipped: 04:00 +13:45
      ['2027-04-04T03:00', 'Pacific/Chatham', '2027-04-03T13:15:00.000Z'], // 02:45–03:45 twice: the +13:45 one
      ['2027-03-14T02:30', 'America/St_Johns', '2027-03-14T06:00:00.000Z'], // 02:00–03:00 skipped: 03:30 −2:30
      ['2027-11-07T01:30', 'America/St_Johns', '2027-11-07T04:00:00.000Z'], // 01:00–02:00 twice: the −2:30 one
    ] as const;
    for (const results of inMachineZones(MACHINE_ZONES, () => cases.map(([local, zone]) => wallTimeToInstant(local, zone)))) {
      expect(results).toEqual(cases.map(([, , instant]) => instant));
    }
  });

  it('agrees with luxon every five minutes through each change of Kathmandu, Lord Howe, Chatham, St John’s, New York and Zurich', () => {
    // luxon resolves a repeated time by today's offset; the earlier of its possible offsets is the documented answer.
    const luxonInstant = (local: string, zone: string) => DateTime.min(...DateTime.fromISO(local, { zone }).getPossibleOffsets())!.toUTC().toISO()!;
    const days = [
      ['Asia/Kathmandu', ['1985-12-31', '1986-01-01', '2027-06-01']],
      ['Australia/Lord_Howe', ['2027-04-03', '2027-04-04', '2027-10-03']],
      ['Pacific/Chatham', ['2027-04-04', '2027-09-26']],
      ['America/St_Johns', ['2027-03-14', '2027-11-07']],
      ['America/New_York', ['2027-03-14', '2027-11-07']],
      ['Europe/Zurich', ['2027-03-28', '2027-10-31']],
    ] as const;
    const wallTimes = days.flatMap(([zone, dates]) =>
      dates.flatMap((date) => Array.from({ length: 288 }, (_, step) => [`${date}T${String(Math.floor(step / 12)).padStart(2, '0')}:${String((step % 12) * 5).padStart(2, '0')}`, zone] as const)),
    );
    const expected = wallTimes.map(([local, zone]) => `${local} ${zone} ${luxonInstant(local, zone)}`);
    for (const actual of inMachineZones([...MACHINE_ZONES, 'Australia/Lord_Howe', 'America/St_Johns'], () => wallTimes.map(([local, zone]) => `${local} ${zone} ${wallTimeToInstant(local, zone)}`))) {
      expect(actual).toEqual(expected);
    }
  });

  it('leaves anything that is not "YYYY-MM-DDTHH:mm" to the server to refuse', () => {
    expect(wallTimeToInstant('', 'Europe/Zurich')).toBe('');
    expect(wallTimeToInstant('tomorrow', 'Europe/Zurich')).toBe('tomorrow');
  });
});

describe('listTimeZones', () => {
  it('labels each zone with its city, IANA name and the offset on the given day', () => {
    const january = new Date('2027-01-15T12:00:00Z');
    const july = new Date('2027-07-15T12:00:00Z');
    const zones = ['Asia/Kathmandu', 'Pacific/Chatham', 'America/St_Johns', 'America/Argentina/Buenos_Aires', 'Etc/GMT+12'];
    expect(listTimeZones(january, zones).map((zone) => zone.label)).toEqual([
      'Kathmandu — Asia/Kathmandu (UTC+05:45)',
      'Chatham — Pacific/Chatham (UTC+13:45)',
      'St Johns — America/St_Johns (UTC-03:30)',
      'Buenos Aires — America/Argentina/Buenos_Aires (UTC-03:00)',
      // POSIX-style names invert the sign; the label gives the real offset.
      'GMT+12 — Etc/GMT+12 (UTC-12:00)',
    ]);
    expect(listTimeZones(july, ['Pacific/Chatham', 'America/St_Johns']).map((zone) => zone.label)).toEqual(['Chatham — Pacific/Chatham (UTC+12:45)', 'St Johns — America/St_Johns (UTC-02:30)']);
    expect(listTimeZones(january, ['UTC'])[0]!.label).toMatch(/^UTC — UTC \(UTC(\+00:00)?\)$/);
  });

  it('lists every zone the runtime knows, each with an offset', () => {
    const all = listTimeZones(new Date('2027-01-15T12:00:00Z'));
    expect(all.length).toBeGreaterThan(300);
    expect(all.map((zone) => zone.zone)).toContain('Europe/Zurich');
    for (const zone of all) expect(zone.label, zone.zone).toMatch(/\(UTC([+-]\d\d:\d\d)?\)$/);
  });
});

describe('zone names for the picker', () => {
  it('the browser’s zone is its current IANA name, whatever old name the runtime reports', () => {
    for (const [machine, current] of [
      ['Asia/Kathmandu', 'Asia/Kathmandu'], // ICU reports Asia/Katmandu
      ['Asia/Katmandu', 'Asia/Kathmandu'],
      ['Asia/Kolkata', 'Asia/Kolkata'], // Asia/Calcutta
      ['Europe/Kyiv', 'Europe/Kyiv'], // Europe/Kiev
      ['Asia/Ho_Chi_Minh', 'Asia/Ho_Chi_Minh'], // Asia/Saigon
      ['Asia/Yangon', 'Asia/Yangon'], // Asia/Rangoon
      ['America/Argentina/Buenos_Aires', 'America/Argentina/Buenos_Aires'], // America/Buenos_Aires
      ['America/Nuuk', 'America/Nuuk'], // America/Godthab
      ['Europe/Zurich', 'Europe/Zurich'],
      ['UTC', 'UTC'],
    ]) {
      process.env.TZ = machine;
      expect(browserTimeZone(), machine).toBe(current);
    }
    expect(currentZoneName('Pacific/Enderbury')).toBe('Pacific/Kanton');
    expect(currentZoneName('Europe/Zurich')).toBe('Europe/Zurich');
  });

  it('lists current names only, UTC first, and still finds the old ones', () => {
    const names = pickerZoneNames();
    expect(names[0]).toBe('UTC');
    expect(names).toEqual(expect.arrayContaining(['Asia/Kathmandu', 'Asia/Kolkata', 'Europe/Kyiv', 'America/Argentina/Buenos_Aires', 'Pacific/Chatham']));
    for (const old of ['Asia/Katmandu', 'Asia/Calcutta', 'Europe/Kiev', 'America/Buenos_Aires']) expect(names).not.toContain(old);
    expect(new Set(names).size).toBe(names.length);
    expect(oldZoneName('Asia/Kolkata')).toBe('Asia/Calcutta');
    // Every current name is one the runtime (and so the server's zone check) accepts.
    for (const name of names) expect(() => new Intl.DateTimeFormat('en', { timeZone: name }), name).not.toThrow();
  });
});

describe('interview languages', () => {
  it('a reporter asking for a language finds the spokesperson’s regional tag, and the other way round', () => {
    expect(matchLanguage(['en', 'fr-CH'], 'fr')).toBe('fr-CH');
    expect(matchLanguage(['en', 'es'], 'es-CO')).toBe('es');
    expect(matchLanguage(['en-GB', 'en'], 'en')).toBe('en');
    expect(matchLanguage(['en'], 'de')).toBeUndefined();
    expect(matchLanguage(['en'], null)).toBeUndefined();
    expect(primaryLanguages(['fr-CH', 'en', 'en-GB', 'pl'])).toEqual(['en', 'fr', 'pl']);
  });
});
