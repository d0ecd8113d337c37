import { describe, expect, it } from 'vitest';
import { zoneAbbreviation } from '../../client/src/components/zone-abbreviation';

describe('zoneAbbreviation', () => {
  it('computes the abbreviation for the date in question, never a fixed one', () => {
    expect(zoneAbbreviation('Europe/Zurich', '2026-11-15')).toBe('CET');
    expect(zoneAbbreviation('Europe/Zurich', '2026-06-15')).toBe('CEST');
    expect(zoneAbbreviation('America/New_York', new Date('2026-11-15T12:00:00Z'))).toBe('EST');
    expect(zoneAbbreviation('America/New_York', new Date('2026-06-15T12:00:00Z'))).toBe('EDT');
    expect(zoneAbbreviation('Europe/London', '2026-06-15')).toBe('BST');
    expect(zoneAbbreviation('Australia/Sydney', '2026-06-15')).toBe('AEST');
  });

  it('falls back to the UTC offset where no abbreviation is in common use', () => {
    expect(zoneAbbreviation('Asia/Kathmandu', '2026-06-15')).toBe('GMT+5:45');
    expect(zoneAbbreviation('UTC', '2026-06-15')).toBe('UTC');
  });
});
