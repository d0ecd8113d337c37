import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isE164, makePhoneSchema, normalizePhone, phoneSchema, type CountryCode } from './normalize-phone';

interface ValidCase {
  input: string;
  defaultCountry?: CountryCode;
  e164: string;
  national: string;
  country: CountryCode | undefined;
}

const validCases: ValidCase[] = [
  // Switzerland: the press release's own form first.
  { input: '+41 (0) 78-000-0000', e164: '+41780000000', national: '078 000 00 00', country: 'CH' },
  { input: '+41 (0)78 000 00 00', e164: '+41780000000', national: '078 000 00 00', country: 'CH' },
  { input: '+41-(0)-78-000-0000', e164: '+41780000000', national: '078 000 00 00', country: 'CH' },
  { input: '078 000 00 00', defaultCountry: 'CH', e164: '+41780000000', national: '078 000 00 00', country: 'CH' },
  { input: '0041 78 000 00 00', e164: '+41780000000', national: '078 000 00 00', country: 'CH' },
  { input: '+41.78.000.00.00', e164: '+41780000000', national: '078 000 00 00', country: 'CH' },
  { input: '+41 22 730 67 00', e164: '+41227306700', national: '022 730 67 00', country: 'CH' },
  { input: 'tel:+41-78-000-00-00', e164: '+41780000000', national: '078 000 00 00', country: 'CH' },
  { input: 'tel:078-000-00-00;phone-context=+41', e164: '+41780000000', national: '078 000 00 00', country: 'CH' },
  { input: '＋４１ ７８ ０００ ００ ００', e164: '+41780000000', national: '078 000 00 00', country: 'CH' },
  // "00" works for a desk whose default country dials 011.
  { input: '0041 78 000 00 00', defaultCountry: 'US', e164: '+41780000000', national: '078 000 00 00', country: 'CH' },
  { input: '011 41 78 000 00 00', defaultCountry: 'US', e164: '+41780000000', national: '078 000 00 00', country: 'CH' },
  // United States: 555-01xx is fictional but valid in the metadata.
  { input: '+1 (202) 555-0104', e164: '+12025550104', national: '(202) 555-0104', country: 'US' },
  { input: '202-555-0104', defaultCountry: 'US', e164: '+12025550104', national: '(202) 555-0104', country: 'US' },
  // United Kingdom: "(0)" in the release style.
  { input: '+44 (0)20 7946 0000', e164: '+442079460000', national: '020 7946 0000', country: 'GB' },
  { input: '020 7946 0000', defaultCountry: 'GB', e164: '+442079460000', national: '020 7946 0000', country: 'GB' },
  // Germany, including the "/" area-code separator.
  { input: '+49 30 901820', e164: '+4930901820', national: '030 901820', country: 'DE' },
  { input: '030/901820', defaultCountry: 'DE', e164: '+4930901820', national: '030 901820', country: 'DE' },
  { input: '+49 (0) 1512 3456789', e164: '+4915123456789', national: '01512 3456789', country: 'DE' },
  // France.
  { input: '+33 6 12 34 56 78', e164: '+33612345678', national: '06 12 34 56 78', country: 'FR' },
  { input: '+33 (0)1 23 45 67 89', e164: '+33123456789', national: '01 23 45 67 89', country: 'FR' },
  // Azerbaijan (the demo's Baku reporter).
  { input: '+994 50 000 00 05', e164: '+994500000005', national: '050 000 00 05', country: 'AZ' },
  // Nepal: mobiles are 98x-xxxxxxx, Kathmandu landlines 01-xxxxxxx.
  { input: '+977 980-0000000', e164: '+9779800000000', national: '980-0000000', country: 'NP' },
  { input: '+977 01-4000000', e164: '+97714000000', national: '01-4000000', country: 'NP' },
  // Poland.
  { input: '+48 600 000 000', e164: '+48600000000', national: '600 000 000', country: 'PL' },
  { input: '600 000 000', defaultCountry: 'PL', e164: '+48600000000', national: '600 000 000', country: 'PL' },
  // Italy: the 0 belongs to the number, so "(0)" must be kept, not stripped.
  { input: '+39 (0)6 1234 5678', e164: '+390612345678', national: '06 1234 5678', country: 'IT' },
  // "(0)" where 0 is not the national prefix: libphonenumber alone would keep it and fail.
  { input: '+45 (0) 33 12 34 56', e164: '+4533123456', national: '33 12 34 56', country: 'DK' },
  { input: '+36 (0)1 234 5678', e164: '+3612345678', national: '(06 1) 234 5678', country: 'HU' },
  { input: '+1 (0) 202 555 0104', e164: '+12025550104', national: '(202) 555-0104', country: 'US' },
  // A CSV cell protected against formula injection still reads.
  { input: "'+41780000000", e164: '+41780000000', national: '078 000 00 00', country: 'CH' },
  // Non-geographic (international freephone) has no country.
  { input: '+800 1234 5678', e164: '+80012345678', national: '1234 5678', country: undefined },
];

const invalidCases: { input: string; defaultCountry?: CountryCode; error: string }[] = [
  { input: '', error: 'Enter a phone number' },
  { input: 'call the desk', error: 'A phone number has digits only; remove "call"' },
  { input: '1-800-FLOWERS', defaultCountry: 'US', error: 'A phone number has digits only; remove "FLOWERS"' },
  { input: '+41 78 000 00 00 (mobile)', error: 'A phone number has digits only; remove "mobile"' },
  { input: '078 000 00 00', error: 'Add the country code, e.g. +41' },
  { input: '+41 12', error: 'This is too short for a Swiss number' },
  { input: '+41 22 000 00 0', error: 'This is too short for a Swiss number' },
  { input: '+41 78 000 00 000', error: 'This has the wrong number of digits for a Swiss number' },
  { input: '+41 00 000 00 00', error: 'This is not a valid Swiss number' },
  { input: '07700 900123', defaultCountry: 'GB', error: 'This is not a valid UK number' },
  { input: '+44 7700 900123', error: 'This is not a valid number with country code +44' },
  { input: '+1 555 555 0100', error: 'This is not a valid number with country code +1' },
  { input: '+994 12 000 00 0', error: 'This is too short for an Azerbaijani number' },
  { input: '+977 98 1234', error: 'This is too short for a Nepali number' },
  { input: '+999 123456', error: 'This does not start with a country code that exists' },
  { input: '+41780000000000000000', error: 'This is too long to be a phone number' },
  { input: '---', error: 'This is not a phone number' },
  { input: '+41 78 000 00 00 / +41 22 000 00 00', error: 'This looks like more than one number; enter one per field' },
  { input: '+41 78 000 00 00, 079 000 00 00', error: 'This looks like more than one number; enter one per field' },
  {
    input: '+41 78 000 00 00 ext. 12',
    error: 'Phone numbers are stored without extensions; remove "ext. 12" and add it to the notes',
  },
  { input: '+1 202 555 0104 x12', error: 'Phone numbers are stored without extensions; remove "x12" and add it to the notes' },
  {
    input: 'tel:+1-202-555-0104;ext=12',
    error: 'Phone numbers are stored without extensions; remove ";ext=12" and add it to the notes',
  },
  { input: '9'.repeat(65), error: 'This is too long to be a phone number' },
];

describe('normalizePhone', () => {
  it.each(validCases)('reads $input ($defaultCountry) as $e164', ({ input, defaultCountry, e164, national, country }) => {
    const result = normalizePhone(input, defaultCountry ? { defaultCountry } : {});
    expect(result).toMatchObject({ e164, national });
    expect('country' in result && result.country).toBe(country);
  });

  it('covers at least 20 valid inputs from at least 6 countries', () => {
    expect(validCases.length).toBeGreaterThanOrEqual(20);
    expect(new Set(validCases.map((testCase) => testCase.country)).size).toBeGreaterThanOrEqual(6);
  });

  it.each(invalidCases)('refuses $input with "$error"', ({ input, defaultCountry, error }) => {
    expect(normalizePhone(input, defaultCountry ? { defaultCountry } : {})).toEqual({ error });
  });

  it('gives the international display with spaces and the country code', () => {
    expect(normalizePhone('+41 (0) 78-000-0000')).toMatchObject({ international: '+41 78 000 00 00' });
    expect(normalizePhone('+1 (202) 555-0104')).toMatchObject({ international: '+1 202 555 0104' });
  });

  it('ignores the default country when the number has its own country code', () => {
    expect(normalizePhone('+33 6 12 34 56 78', { defaultCountry: 'CH' })).toMatchObject({ e164: '+33612345678', country: 'FR' });
  });

  // Pinned so that a libphonenumber metadata update that changes what our demo
  // and documentation rely on fails here rather than in production.
  it('pins what the metadata says about fictitious numbers', () => {
    expect(isE164('+41780000000')).toBe(true); // release form, Swiss mobile range
    expect(isE164('+12025550104')).toBe(true); // NANP 555-01xx inside a real area code
    expect(isE164('+994500000005')).toBe(true);
    expect(isE164('+447700900123')).toBe(false); // Ofcom drama range: not valid
    expect(isE164('+441632960000')).toBe(false); // Ofcom drama range: not valid
    expect(isE164('+15555550100')).toBe(false); // 555 is not an area code
  });
  it('never throws, and whatever it accepts is valid E.164 (property)', () => {
    const typed = fc.stringMatching(/^(tel:|\+|00)?[0-9 ()\-.;=+#a-z]{0,30}$/);
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 70 }), typed), fc.constantFrom(undefined, 'CH', 'US', 'NP'), (input, country) => {
        const result = normalizePhone(input, country ? { defaultCountry: country as CountryCode } : {});
        if ('e164' in result) expect(isE164(result.e164)).toBe(true);
        else expect(result.error).toMatch(/^[A-Z].+[^.]$/);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('isE164', () => {
  it('accepts only canonical, valid E.164 strings', () => {
    expect(isE164('+41780000000')).toBe(true);
    expect(isE164('+41 78 000 00 00')).toBe(false);
    expect(isE164('0041780000000')).toBe(false);
    expect(isE164('+41 (0) 78-000-0000')).toBe(false);
    expect(isE164('+0123456789')).toBe(false);
    expect(isE164('+4112')).toBe(false);
    expect(isE164(41780000000)).toBe(false);
    expect(isE164(null)).toBe(false);
  });
});

describe('phoneSchema', () => {
  it('outputs E.164 and reports the normalizePhone message as the issue', () => {
    expect(phoneSchema.parse('+41 (0) 78-000-0000')).toBe('+41780000000');
    const result = phoneSchema.safeParse('078 000 00 00');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('Add the country code, e.g. +41');
  });

  it('reads national numbers with the default country of makePhoneSchema', () => {
    expect(makePhoneSchema('CH').parse('078 000 00 00')).toBe('+41780000000');
    expect(makePhoneSchema('GB').parse('020 7946 0000')).toBe('+442079460000');
    expect(makePhoneSchema('CH').safeParse('+41 12').error?.issues[0]?.message).toBe('This is too short for a Swiss number');
  });
});
