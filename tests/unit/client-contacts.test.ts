// The media-list pages' pure parts: what a contact form sends and where the
// server's errors land, and what a merge asks the server for.
import { describe, expect, it } from 'vitest';
import { draftErrorsOf, draftOf, inputOf, type Draft } from '../../client/src/desk/contacts/contact-draft';
import { choicesFor, defaultChoices } from '../../client/src/desk/contacts/merge-fields';
import type { ContactView } from '../../client/src/desk/contacts/contact-types';

function contact(overrides: Partial<ContactView>): ContactView {
  return {
    id: 'c1', name: 'Ana Lima', emails: [], phones: [], whatsapp: null, outlet: null, role: null, languages: [], timeZone: null, country: null, preferredChannel: null,
    notes: null, tags: [], source: null, lawfulBasis: null, lawfulBasisAt: null, doNotContact: false, archivedAt: null, mergedIntoId: null,
    createdAt: '2026-12-01T00:00:00.000Z', updatedAt: '2026-12-01T00:00:00.000Z', ...overrides,
  };
}

describe('contact form draft', () => {
  it('sends blank optional fields as null, lists split on commas, and leaves out blank rows', () => {
    const draft: Draft = { ...draftOf(), name: 'Léa', emails: ['', ' lea@example.org '], phones: [{ number: '', kind: 'cell' }, { number: '+41 78 000 00 41', kind: 'work' }], languages: 'fr, en;de', tags: 'arms control, un' };
    expect(inputOf(draft, null)).toMatchObject({
      name: 'Léa', emails: ['lea@example.org'], phones: [{ number: '+41 78 000 00 41', kind: 'work' }], whatsapp: null, role: null, timeZone: null, country: null,
      preferredChannel: null, languages: ['fr', 'en', 'de'], tags: ['arms control', 'un'], lawfulBasis: 'legitimate_interest', doNotContact: false,
    });
  });

  it('puts an error on the row the person typed in, though blank rows were not sent', () => {
    const draft: Draft = { ...draftOf(), emails: ['', 'bad@', 'ok@example.org'], phones: [{ number: '', kind: 'cell' }, { number: '', kind: 'cell' }, { number: '12', kind: 'cell' }] };
    expect(draftErrorsOf({ 'emails.0': ['Enter a valid email address'], 'phones.0.number': ['Add the country code'], 'languages.1': ['Not a language'], emails: ['Taken'] }, draft)).toEqual({
      'emails.1': ['Enter a valid email address'],
      'phones.2.number': ['Add the country code'],
      languages: ['Not a language'],
      emails: ['Taken'],
    });
  });
});

describe('merge choices', () => {
  const a = contact({ id: 'a', name: 'Ana Lima', role: 'Defence', notes: 'Met in Geneva' });
  const b = contact({ id: 'b', name: 'Ana Paula Lima', timeZone: 'Europe/Zurich', notes: 'Prefers mornings' });

  it('defaults to the card it was opened from, to the other where that one is empty, and joins two notes', () => {
    expect(defaultChoices(a, b)).toMatchObject({ name: 'a', role: 'a', timeZone: 'b', country: 'a', notes: 'both' });
  });

  it('asks the server relative to the record that stays', () => {
    const choices = { ...defaultChoices(a, b), name: 'b' as const };
    expect(choicesFor('a', choices)).toMatchObject({ name: 'duplicate', role: 'survivor', timeZone: 'duplicate', notes: 'both' });
    // Keeping B's record flips every side, not the values chosen.
    expect(choicesFor('b', choices)).toMatchObject({ name: 'survivor', role: 'duplicate', timeZone: 'survivor', notes: 'both' });
  });
});
