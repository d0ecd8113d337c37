import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildContactSearchText, foldForSearch } from './search-text';

describe('foldForSearch', () => {
  it.each([
    ['Müller', 'muller'],
    ['Łukasiewicz', 'lukasiewicz'],
    ['Straße', 'strasse'],
    ['STRASSE', 'strasse'],
    ['Ørsted', 'orsted'],
    ['Zoë', 'zoe'],
    ['Æsir Œuvre', 'aesir oeuvre'],
    ['Đorđević', 'dordevic'],
    ['Þórsdóttir', 'thorsdottir'],
    ['Derlicka-Rosenbauer', 'derlicka-rosenbauer'],
    ['İstanbul', 'istanbul'],
    ['Məmmədova', 'mәmmәdova'.replace(/ә/g, 'ə')],
    ['Ａｌｉｃｅ　Ｂ', 'alice b'],
    ['O’Brien', "o'brien"],
    ['  Jean \t\n  Dupont  ', 'jean dupont'],
    ['李小龍', '李小龍'],
    ['ΝΙΚΟΣ', 'νικοσ'],
  ])('folds %j to %j', (input, folded) => {
    expect(foldForSearch(input)).toBe(folded);
  });

  it('folds NFC and NFD spellings alike', () => {
    const nfc = 'Zoë Müller-Łukasiewicz'.normalize('NFC');
    expect(foldForSearch(nfc.normalize('NFD'))).toBe(foldForSearch(nfc));
  });

  it('is idempotent for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const once = foldForSearch(text);
        expect(foldForSearch(once)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });
});

describe('buildContactSearchText', () => {
  it('joins folded name, emails, outlet, role and tags as words without repeats', () => {
    expect(
      buildContactSearchText({
        name: 'Camille Dufour',
        emails: ['Camille.Dufour@example.org'],
        outlet: 'Lakeside Tribune (fictitious)',
        role: 'International affairs',
        tags: ['Genève', 'demo'],
      }),
    ).toBe(
      'camille dufour camille.dufour@example.org example org lakeside tribune (fictitious) fictitious international affairs geneve demo',
    );
  });

  it('lets a word-prefix search find each part of a hyphenated, accented name', () => {
    const searchText = buildContactSearchText({ name: 'Zoë Müller-Łukasiewicz', emails: [], tags: [] });
    const findsWordPrefix = (query: string) => {
      const folded = foldForSearch(query);
      return searchText.startsWith(folded) || searchText.includes(` ${folded}`);
    };
    expect(findsWordPrefix('Zoe')).toBe(true);
    expect(findsWordPrefix('müller')).toBe(true);
    expect(findsWordPrefix('LUKAS')).toBe(true);
    expect(findsWordPrefix('ller')).toBe(false);
  });

  it('accepts missing optional fields', () => {
    expect(buildContactSearchText({ name: 'Leyla Mammadova', outlet: null, role: null })).toBe('leyla mammadova');
  });
});
