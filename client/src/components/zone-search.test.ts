import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { pickerZoneNames } from '../time';
import { buildZoneIndex, searchZones, type ZoneRecord } from './zone-search';

const records = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('@vvo/tzdb/raw-time-zones.json'), 'utf8')) as ZoneRecord[];
const index = buildZoneIndex(pickerZoneNames(), records, new Date('2027-01-15T12:00:00Z'));
const zonesFor = (query: string) => {
  const result = searchZones(index, query);
  return result.kind === 'all' ? [] : result.matches.map((match) => match.entry.zone);
};

describe('zone search', () => {
  it('finds cities people type, with or without accents, before other matches', () => {
    expect(zonesFor('Geneva')).toEqual(['Europe/Zurich']);
    expect(zonesFor('Sao Paulo')[0]).toBe('America/Sao_Paulo');
    expect(zonesFor('São Paulo')[0]).toBe('America/Sao_Paulo');
    expect(zonesFor('mumbai')).toEqual(['Asia/Kolkata']);
    expect(zonesFor('Washington')).toEqual(['America/New_York']);
    expect(zonesFor('bern')[0]).toBe('Europe/Zurich');
    expect(searchZones(index, 'Geneva')).toMatchObject({ kind: 'text', matches: [{ city: 'Geneva' }] });
  });

  it('finds IANA names, retired aliases, countries and offsets', () => {
    expect(zonesFor('Asia/Calcutta')).toEqual(['Asia/Kolkata']);
    expect(zonesFor('kiev')).toContain('Europe/Kyiv');
    expect(zonesFor('Europe/Zurich')).toEqual(['Europe/Zurich']);
    expect(zonesFor('+5:45')).toEqual(['Asia/Kathmandu']);
    expect(zonesFor('switzerland')).toEqual(['Europe/Zurich']);
  });

  it('lists every zone an abbreviation names, never one guessed', () => {
    const ist = searchZones(index, 'IST');
    expect(ist.kind).toBe('abbreviation');
    expect(zonesFor('IST').sort()).toEqual(['Asia/Colombo', 'Asia/Jerusalem', 'Asia/Kolkata', 'Europe/Dublin']);
    expect(zonesFor('pst')).toEqual(expect.arrayContaining(['America/Los_Angeles', 'America/Tijuana']));
    expect(zonesFor('CET')).toEqual(expect.arrayContaining(['Europe/Zurich', 'Europe/Paris', 'Europe/Berlin']));
    // Summer names too.
    expect(zonesFor('CEST')).toContain('Europe/Zurich');
  });

  it('labels name the city, the IANA zone and the offset at the given date', () => {
    expect(index.find((entry) => entry.zone === 'Europe/Zurich')?.label).toBe('Zurich — Europe/Zurich (UTC+01:00)');
  });
});
