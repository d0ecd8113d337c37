/**
 * Phone numbers as people type them → E.164, with a human message when that
 * is not possible.
 *
 * libphonenumber-js with the `max` metadata is the judge of validity: it knows
 * the number ranges each country has allocated, not just the lengths (the
 * `min` metadata would accept any number of the right length).
 *
 * What it accepts as valid, checked against libphonenumber-js 1.13 (see the
 * tests, which pin each of these so a metadata update that changes them fails
 * loudly):
 * - Fictitious numbers in allocated ranges are valid: +41 78 000 00 00 (the
 *   press release's form, a Swiss mobile range) and +1 202 555 0104 (NANP
 *   555-01xx "fictional use" lines sit inside real area codes, and the
 *   metadata does not single them out). The demo data relies on both.
 * - Ofcom's drama ranges are NOT valid: +44 7700 900123 and +44 1632 960000
 *   are rejected, so UK example numbers must come from elsewhere
 *   (e.g. +44 20 7946 0000, which is a London range).
 * - +1 555 555 0100 is rejected: 555 is not an area code.
 *
 * Decisions:
 * - "+41 (0) 78-000-0000" (the trunk prefix in parentheses, common in Swiss,
 *   UK and German press releases): libphonenumber drops the 0 only where 0 is
 *   the country's national prefix (CH, GB, DE, FR, AT…). Where the country has
 *   none (DK, CZ, GR, LU, EE, the US) or another one (HU "06"), it keeps the 0
 *   and the number becomes invalid; where the 0 belongs to the number (Italy:
 *   +39 (0)6 … is +39 06 …), keeping it is right. So the text is parsed as
 *   written first, and only if that is not valid again without the "(0)".
 * - "00" at the start is the international prefix (ITU-T E.164 recommends it
 *   and almost every country uses it) whatever the default country, so
 *   "0041 78 …" works for a US-based desk too. "011" works when the default
 *   country dials it (NANP).
 * - Extensions are refused, not dropped: E.164 has no extension, and a stored
 *   number that silently lost its "ext. 12" rings a switchboard instead of the
 *   journalist. The message asks the user to move the extension to the notes.
 * - Letters are refused (libphonenumber would quietly read "1-800-FLOWERS" as
 *   a vanity number or ignore "(mobile)"), and so is more than one number in
 *   a field: both are data-entry mistakes the user should see.
 */
import {
  getCountries,
  getCountryCallingCode,
  isValidPhoneNumber,
  parsePhoneNumberWithError,
  ParseError,
  validatePhoneNumberLength,
  type CountryCode,
  type PhoneNumber,
} from 'libphonenumber-js/max';
import { z } from 'zod';
import { opaqueText } from '../common/schema';

export type { CountryCode } from 'libphonenumber-js/max';

/** A number that passed: canonical E.164 plus two displays. */
export interface NormalizedPhone {
  /** "+41780000000": what we store and compare. */
  e164: string;
  /** "078 000 00 00": how people in that country write it. */
  national: string;
  /** "+41 78 000 00 00": how everyone else should write it. */
  international: string;
  /** ISO 3166-1 alpha-2 of the number's range; undefined for non-geographic numbers (+800, +882). */
  country: CountryCode | undefined;
}

export interface NormalizePhoneOptions {
  /** Country for numbers typed without a country code ("078 000 00 00"). */
  defaultCountry?: CountryCode;
}

/**
 * Longest input we try to read. A number with a country code, spaces and a
 * "(0)" fits in about 30 characters; anything much longer is pasted text, and
 * refusing it early keeps the regular expressions below cheap.
 */
export const MAX_PHONE_INPUT_LENGTH = 64;

/** E.164: "+", a country code that does not start with 0, at most 15 digits in all. */
const E164_PATTERN = /^\+[1-9]\d{1,14}$/;

/**
 * An extension at the end: "ext. 12", "extn 12", "extension 12", "x12", "#12",
 * French "poste 12", German "Durchwahl 12"/"DW 12", or the tel URI ";ext=12".
 */
const EXTENSION_SUFFIX = /(?:\s*[,;]?\s*(?:ext=|(?:ext|extn|extension|poste|durchwahl|dw)\.?|x|#)\s*:?\s*)(\d{1,7})\s*$/i;

/** "+41 (0) 78…", "+41-(0)-78…", "+41(0)78…": a trunk prefix in parentheses right after the country code. */
const PARENTHESISED_TRUNK_PREFIX = /^(\+\d{1,3})[\s.-]*\(\s*0\s*\)/;

/**
 * Adjectives for the message "This is not a valid Swiss number". Countries not
 * listed get "a number in Nepal"-style wording from Intl.DisplayNames, which
 * is as clear, just less idiomatic.
 */
const COUNTRY_ADJECTIVES: Partial<Record<CountryCode, string>> = {
  AM: 'Armenian', AR: 'Argentine', AT: 'Austrian', AU: 'Australian', AZ: 'Azerbaijani', BE: 'Belgian',
  BR: 'Brazilian', CA: 'Canadian', CH: 'Swiss', CN: 'Chinese', CZ: 'Czech', DE: 'German', DK: 'Danish',
  ES: 'Spanish', FI: 'Finnish', FR: 'French', GB: 'UK', GE: 'Georgian', GR: 'Greek', HU: 'Hungarian',
  IE: 'Irish', IL: 'Israeli', IN: 'Indian', IT: 'Italian', JP: 'Japanese', KE: 'Kenyan', LU: 'Luxembourg',
  MX: 'Mexican', NG: 'Nigerian', NL: 'Dutch', NO: 'Norwegian', NP: 'Nepali', PL: 'Polish', PT: 'Portuguese',
  RO: 'Romanian', RU: 'Russian', SE: 'Swedish', TR: 'Turkish', UA: 'Ukrainian', US: 'US', ZA: 'South African',
};

const regionNames = new Intl.DisplayNames('en', { type: 'region', fallback: 'none' });

/** Country calling code → the countries that share it ("1" → US, CA, …; "41" → CH). */
const countriesByCallingCode = new Map<string, CountryCode[]>();
for (const country of getCountries()) {
  const callingCode = getCountryCallingCode(country);
  countriesByCallingCode.set(callingCode, [...(countriesByCallingCode.get(callingCode) ?? []), country]);
}

/**
 * Reads a phone number as people type it (spaces, dots, dashes, brackets,
 * "(0)" after the country code, "00" or "+" international prefix, tel: URIs,
 * full-width digits) and returns it as E.164 with national and international
 * displays.
 *
 * Guarantees: on success `e164` matches /^\+[1-9]\d{1,14}$/ and is valid
 * according to libphonenumber's full metadata; the same number typed in any of
 * the accepted ways gives the same `e164`. Otherwise returns `{ error }` with
 * one sentence for a person that names the problem (letters, extension, more
 * than one number, missing country code, too short or long, not valid for
 * the country). Never throws.
 */
export function normalizePhone(input: string, options: NormalizePhoneOptions = {}): NormalizedPhone | { error: string } {
  const { defaultCountry } = options;
  let text = input.normalize('NFKC').trim();
  if (text === '') return { error: 'Enter a phone number' };
  if (text.length > MAX_PHONE_INPUT_LENGTH) return { error: 'This is too long to be a phone number' };

  if (/^tel:/i.test(text)) {
    const fromUri = readTelUri(text);
    if ('error' in fromUri) return fromUri;
    text = fromUri.number;
  }

  const extension = EXTENSION_SUFFIX.exec(text);
  if (extension && /\d/.test(text.slice(0, extension.index))) return describeExtension(extension[0].trim());

  const letters = /\p{L}+/u.exec(text);
  if (letters) return { error: `A phone number has digits only; remove "${letters[0]}"` };
  if (/[,;|]/.test(text) || (text.match(/\+/g)?.length ?? 0) > 1) {
    return { error: 'This looks like more than one number; enter one per field' };
  }
  if (!/\d/.test(text)) return { error: 'This is not a phone number' };

  // "00" is the international prefix almost everywhere; libphonenumber only
  // reads it when the default country dials it, and not at all without one.
  text = text.replace(/^00(?=\s*[1-9])/, '+');

  const asWritten = parseLeniently(text, defaultCountry);
  if ('phone' in asWritten && asWritten.phone.isValid()) return describeValid(asWritten.phone);
  // See the file comment: only drop a parenthesised "(0)" when keeping it fails.
  if (PARENTHESISED_TRUNK_PREFIX.test(text)) {
    const withoutTrunk = parseLeniently(text.replace(PARENTHESISED_TRUNK_PREFIX, '$1 '), defaultCountry);
    if ('phone' in withoutTrunk && withoutTrunk.phone.isValid()) return describeValid(withoutTrunk.phone);
  }
  if ('error' in asWritten) return asWritten;
  return describeInvalid(asWritten.phone, text, defaultCountry);
}

/**
 * True when `value` is a canonical E.164 string ("+41780000000": "+", digits
 * only, no spaces) that libphonenumber's full metadata calls valid. Use it to
 * check stored values; use `normalizePhone` to read what people type.
 */
export function isE164(value: unknown): value is string {
  return typeof value === 'string' && E164_PATTERN.test(value) && isValidPhoneNumber(value);
}

/**
 * A zod schema that reads a phone number as `normalizePhone` does and outputs
 * the E.164 string; the issue message is `normalizePhone`'s error sentence.
 * `defaultCountry` applies to numbers typed without a country code.
 */
export function makePhoneSchema(defaultCountry?: CountryCode) {
  return opaqueText().max(100, 'A phone number has at most 100 characters').transform((value, context) => {
    const result = normalizePhone(value, defaultCountry ? { defaultCountry } : {});
    if ('error' in result) {
      context.addIssue({ code: 'custom', message: result.error });
      return z.NEVER;
    }
    return result.e164;
  });
}

/** A phone number with its country code, output as E.164 (no default country). */
export const phoneSchema = makePhoneSchema();

/**
 * RFC 3966 tel URI → the number as text. "tel:+41-78-000-00-00" is global;
 * "tel:078-000-00-00;phone-context=+41" is local with its country in the
 * context. A domain-name context says nothing about the country, so it is
 * ignored and the default country applies.
 */
function readTelUri(uri: string): { number: string } | { error: string } {
  const [rawNumber = '', ...parameters] = uri.slice('tel:'.length).split(';');
  let number: string;
  try {
    number = decodeURIComponent(rawNumber);
  } catch {
    return { error: 'This tel: link is malformed' };
  }
  for (const parameter of parameters) {
    const [name = '', value = ''] = parameter.split('=');
    const key = name.trim().toLowerCase();
    if (key === 'ext') return describeExtension(`;ext=${value}`);
    if (key === 'phone-context' && /^\+[\d\-.()]+$/.test(value) && !number.trim().startsWith('+')) {
      number = `${value} ${number}`;
    }
  }
  return { number };
}

/** Parses with libphonenumber, turning its exceptions into our messages. */
function parseLeniently(text: string, defaultCountry: CountryCode | undefined): { phone: PhoneNumber } | { error: string } {
  try {
    return { phone: parsePhoneNumberWithError(text, defaultCountry ? { defaultCountry } : undefined) };
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    switch (error.message) {
      case 'INVALID_COUNTRY':
        return text.startsWith('+')
          ? { error: 'This does not start with a country code that exists' }
          : { error: 'Add the country code, e.g. +41' };
      case 'TOO_SHORT':
        return { error: 'This is too short to be a phone number' };
      case 'TOO_LONG':
        return { error: 'This is too long to be a phone number' };
      default:
        return { error: 'This is not a phone number' };
    }
  }
}

function describeValid(phone: PhoneNumber): NormalizedPhone | { error: string } {
  // A trailing extension that our pattern did not know ("ext12" variants libphonenumber reads).
  if (phone.ext) return describeExtension(`ext. ${phone.ext}`);
  return {
    e164: phone.number,
    national: phone.formatNational(),
    international: phone.formatInternational(),
    country: phone.country,
  };
}

function describeInvalid(phone: PhoneNumber, text: string, defaultCountry: CountryCode | undefined): { error: string } {
  if (phone.ext) return describeExtension(`ext. ${phone.ext}`);
  const sharers = countriesByCallingCode.get(phone.countryCallingCode) ?? [];
  // For a national number the country is the default one; for "+CC…" it is
  // the only country with that code, or unknown when several share it (+1, +44, +7).
  const country = phone.country ?? (text.startsWith('+') ? (sharers.length === 1 ? sharers[0] : undefined) : defaultCountry);
  const kind = describeNumberKind(country, phone.countryCallingCode);
  switch (validatePhoneNumberLength(text, defaultCountry ? { defaultCountry } : undefined)) {
    case 'TOO_SHORT':
      return { error: `This is too short for ${kind.withArticle}` };
    case 'TOO_LONG':
      return { error: `This is too long for ${kind.withArticle}` };
    case 'INVALID_LENGTH':
      return { error: `This has the wrong number of digits for ${kind.withArticle}` };
    default:
      return { error: `This is not ${kind.validWithArticle}` };
  }
}

/** "a Swiss number" / "a number in Nepal" / "a number with country code +1", with and without "valid". */
function describeNumberKind(
  country: CountryCode | undefined,
  callingCode: string,
): { withArticle: string; validWithArticle: string } {
  const adjective = country ? COUNTRY_ADJECTIVES[country] : undefined;
  if (adjective) {
    // "an Austrian", but "a UK", "a US", "a Ukrainian": only A, E, I, O start with a vowel sound here.
    const article = /^[AEIO]/.test(adjective) ? 'an' : 'a';
    return { withArticle: `${article} ${adjective} number`, validWithArticle: `a valid ${adjective} number` };
  }
  const countryName = country ? regionNames.of(country) : undefined;
  const where = countryName ? `in ${countryName}` : `with country code +${callingCode}`;
  return { withArticle: `a number ${where}`, validWithArticle: `a valid number ${where}` };
}

function describeExtension(extension: string): { error: string } {
  return { error: `Phone numbers are stored without extensions; remove "${extension}" and add it to the notes` };
}

/** "+41 78 000 00 00" for a stored E.164 number (the number itself if it no longer parses); null stays null. */
export function internationalFormat(e164: string | null): string | null {
  if (!e164) return null;
  const normalized = normalizePhone(e164);
  return 'error' in normalized ? e164 : normalized.international;
}
