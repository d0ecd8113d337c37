import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sanitizeText } from '../invites/sanitize-text';
import { exportVCard, parseVCards, type ParsedVCardContact, type VCardContact } from './vcard';

const REVISION = new Date('2020-10-31T08:00:00Z');

function makeContact(overrides: Partial<VCardContact> = {}): VCardContact {
  return {
    uid: 'cm3demo0000contact0001',
    name: 'Camille Dufour',
    emails: ['camille.dufour@example.org'],
    phones: [{ e164: '+41790000003', kind: 'cell' }],
    languages: ['fr', 'en'],
    tags: ['demo'],
    updatedAt: REVISION,
    ...overrides,
  };
}

/** The parsed contact without its position in the file, for comparison with what was exported. */
function withoutIndex({ index: _index, ...contact }: ParsedVCardContact): VCardContact {
  return contact;
}

function roundTrip(contact: VCardContact): VCardContact {
  const { contacts, errors } = parseVCards(exportVCard(contact));
  expect(errors).toEqual([]);
  expect(contacts).toHaveLength(1);
  return withoutIndex(contacts[0]!);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();

describe('exportVCard', () => {
  it('writes a vCard 4.0 with the agreed properties, CRLF line ends and escaping', () => {
    const vcard = exportVCard(
      makeContact({
        name: 'Camille Dufour',
        emails: ['camille.dufour@example.org', 'desk@example.org'],
        phones: [
          { e164: '+41790000003', kind: 'cell' },
          { e164: '+41227306700', kind: 'work' },
        ],
        whatsapp: '+41790000003',
        outlet: 'Lakeside Tribune; evening edition',
        role: 'International affairs, Geneva',
        timeZone: 'Europe/Zurich',
        country: 'CH',
        notes: 'Prefers calls after 10:00\nNo Fridays',
        tags: ['demo', 'UN, Geneva'],
      }),
    );
    expect(vcard.split('\r\n')).toEqual([
      'BEGIN:VCARD',
      'VERSION:4.0',
      'PRODID:-//Interview Desk//EN',
      'UID;VALUE=text:cm3demo0000contact0001',
      'FN:Camille Dufour',
      'N:Dufour;Camille;;;',
      'EMAIL;PREF=1:camille.dufour@example.org',
      'EMAIL;PREF=2:desk@example.org',
      'TEL;VALUE=uri;PREF=1;TYPE=cell:tel:+41790000003',
      'TEL;VALUE=uri;PREF=2;TYPE=work:tel:+41227306700',
      'IMPP;X-SERVICE-TYPE=WhatsApp:https://wa.me/41790000003',
      'ORG:Lakeside Tribune\\; evening edition',
      'TITLE:International affairs\\, Geneva',
      'LANG;PREF=1:fr',
      'LANG;PREF=2:en',
      'TZ;VALUE=text:Europe/Zurich',
      'ADR;CC=CH:;;;;;;Switzerland',
      'NOTE:Prefers calls after 10:00\\nNo Fridays',
      'CATEGORIES:demo,UN\\, Geneva',
      'REV:20201031T080000Z',
      'END:VCARD',
      '',
    ]);
    expect(vcard.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('writes a UUID as urn:uuid, makes one up when there is no id, and uses the export time for REV', () => {
    const withUuid = exportVCard(makeContact({ uid: '0b8e1c52-6f1e-4a39-9d7a-2f6b1f1c9e11' }));
    expect(withUuid).toContain('\r\nUID:urn:uuid:0b8e1c52-6f1e-4a39-9d7a-2f6b1f1c9e11\r\n');
    const { uid: _uid, updatedAt: _updatedAt, ...anonymous } = makeContact();
    const generated = exportVCard(anonymous, { now: new Date('2027-03-22T14:00:00.750Z') });
    expect(generated).toMatch(/\r\nUID:urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\r\n/);
    expect(generated).toContain('\r\nREV:20270322T140000Z\r\n');
  });

  it('keeps family-name particles together in N', () => {
    expect(exportVCard(makeContact({ name: 'Ludwig van Beethoven' }))).toContain('\r\nN:van Beethoven;Ludwig;;;\r\n');
    expect(exportVCard(makeContact({ name: 'Kasia Derlicka-Rosenbauer' }))).toContain('\r\nN:Derlicka-Rosenbauer;Kasia;;;\r\n');
    expect(exportVCard(makeContact({ name: '李小龍' }))).toContain('\r\nN:李小龍;;;;\r\n');
  });

  it('folds long lines at 75 octets without splitting a UTF-8 character', () => {
    const vcard = exportVCard(makeContact({ notes: 'Zoë Müller-Łukasiewicz 李小龍 🎙️👩🏽‍💼 '.repeat(20) }));
    const physicalLines = vcard.split('\r\n').slice(0, -1);
    expect(physicalLines.some((line) => line.startsWith(' '))).toBe(true);
    for (const line of physicalLines) {
      const bytes = encoder.encode(line);
      expect(bytes.length).toBeLessThanOrEqual(75);
      expect(strictUtf8.decode(bytes)).toBe(line);
    }
  });

  it('cannot be made to start a new property from user text', () => {
    const vcard = exportVCard(makeContact({ name: 'Eve\r\nEMAIL:evil@example.org\u2028TEL:+1', notes: 'a\rEND:VCARD\nBEGIN:VCARD' }));
    const lines = vcard.split('\r\n');
    expect(lines.filter((line) => line.startsWith('EMAIL'))).toEqual(['EMAIL;PREF=1:camille.dufour@example.org']);
    expect(lines.filter((line) => line === 'END:VCARD')).toHaveLength(1);
    expect(roundTrip(makeContact({ name: 'Eve\r\nEMAIL:evil@example.org' })).name).toBe('Eve\nEMAIL:evil@example.org');
  });

  it('writes several contacts as consecutive cards', () => {
    const text = exportVCard([makeContact(), makeContact({ uid: 'cm3demo0000contact0002', name: 'Daniel Okafor' })]);
    expect(text.match(/BEGIN:VCARD\r\n/g)).toHaveLength(2);
    expect(parseVCards(text).contacts.map((contact) => [contact.index, contact.name])).toEqual([
      [0, 'Camille Dufour'],
      [1, 'Daniel Okafor'],
    ]);
  });
});

describe('export → parse round trip', () => {
  it.each([
    ['an accented and hyphenated name', makeContact({ name: 'Zoë Müller-Łukasiewicz' })],
    ['a Chinese name', makeContact({ name: '李小龍', languages: ['zh-Hant-HK', 'en'], timeZone: 'Asia/Hong_Kong', country: 'HK' })],
    ['emoji', makeContact({ name: 'Ana 🎙️ Reporter 👩🏽‍💼', notes: 'Podcast 🎧🇨🇭' })],
    [
      'several phones and emails in order',
      makeContact({
        emails: ['leyla.mammadova@example.org', 'desk@radio.example.org', 'l.m@example.org'],
        phones: [
          { e164: '+994500000005', kind: 'cell' },
          { e164: '+994120000000', kind: 'work' },
          { e164: '+41227306700', kind: 'home' },
          { e164: '+12025550104', kind: 'voice' },
        ],
        whatsapp: '+994500000005',
      }),
    ],
    ['commas, semicolons, backslashes and newlines in notes', makeContact({ notes: 'Call: 10:00, 14:00; not Fri.\nPath C:\\desk\\n\n\n  indented; ok,\\' })],
    [
      'every optional field',
      makeContact({
        uid: '0b8e1c52-6f1e-4a39-9d7a-2f6b1f1c9e11',
        outlet: 'Radio Caucasus Example',
        role: 'Conflict reporter',
        timeZone: 'Asia/Baku',
        country: 'AZ',
        whatsapp: '+994500000005',
        tags: ['South Caucasus', 'a,b;c\\d'],
      }),
    ],
  ])('gives back the same contact for %s', (_title, contact) => {
    expect(roundTrip(contact)).toEqual(contact);
  });

  it('gives back any contact (property)', () => {
    const isCleanText = (text: string) => sanitizeText(text) === text && !text.includes('\r');
    const singleLine = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 40 })
      .map((text) => text.trim())
      .filter((text) => text !== '' && isCleanText(text) && !text.includes('\n'));
    const multiLine = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }).filter(isCleanText);
    const phone = fc.record({
      e164: fc.constantFrom('+41780000000', '+41227306700', '+12025550104', '+442079460000', '+4930901820', '+33612345678', '+994500000005', '+9779800000000', '+48600000000'),
      kind: fc.constantFrom('cell', 'work', 'home', 'voice' as const),
    });
    const contact: fc.Arbitrary<VCardContact> = fc.record(
      {
        uid: fc.oneof(fc.uuid(), fc.stringMatching(/^c[a-z0-9]{24}$/)),
        name: singleLine,
        emails: fc.uniqueArray(fc.emailAddress(), { maxLength: 3, selector: (email) => email.toLowerCase() }),
        phones: fc.uniqueArray(phone, { maxLength: 4, selector: (entry) => entry.e164 }),
        whatsapp: fc.constantFrom('+41780000000', '+994500000005'),
        outlet: singleLine,
        role: singleLine,
        languages: fc.uniqueArray(fc.constantFrom('en', 'fr', 'de-CH', 'pl', 'az', 'ne', 'zh-Hant-TW', 'es-419'), { maxLength: 4 }),
        timeZone: fc.constantFrom('Europe/Zurich', 'America/New_York', 'Asia/Kathmandu', 'Asia/Baku', 'UTC'),
        country: fc.constantFrom('CH', 'US', 'NP', 'AZ', 'GB', 'PL', 'XK'),
        notes: multiLine,
        tags: fc.uniqueArray(singleLine.filter((tag) => tag.toLowerCase() !== 'mycontacts'), { maxLength: 4 }),
        updatedAt: fc
          .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
          .map((date) => new Date(Math.floor(date.getTime() / 1000) * 1000)),
      },
      { requiredKeys: ['uid', 'name', 'emails', 'phones', 'languages', 'tags', 'updatedAt'] },
    );
    fc.assert(
      fc.property(fc.array(contact, { minLength: 1, maxLength: 3 }), (contacts) => {
        const { contacts: parsed, errors } = parseVCards(exportVCard(contacts));
        expect(errors).toEqual([]);
        expect(parsed.map(withoutIndex)).toEqual(contacts);
      }),
      { numRuns: 200 },
    );
  });
});

describe('parseVCards', () => {
  it('reads an Apple Contacts vCard 3.0 export', () => {
    const apple = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'PRODID:-//Apple Inc.//iPhone OS 17.5//EN',
      'N:Dufour;Camille;;;',
      'FN:Camille Dufour',
      'ORG:Lakeside Tribune (fictitious);',
      'TITLE:International affairs',
      'item1.EMAIL;type=INTERNET;type=pref:camille.dufour@example.org',
      'EMAIL;type=INTERNET;type=WORK:desk@example.org',
      'TEL;type=CELL;type=VOICE;type=pref:+41 79 000 00 03',
      'TEL;type=WORK;type=VOICE:022 730 67 00',
      'TEL;type=WORK;type=FAX:022 730 67 01',
      'item2.TEL:078 000 00 00',
      'item2.X-ABLabel:WhatsApp',
      'item3.ADR;type=WORK;type=pref:;;Rue de l\'Exemple 1;Genève;;1200;Suisse',
      'item3.X-ABADR:ch',
      'NOTE:Prefers calls after 10:00\\nSpeaks French and English',
      'PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHR',
      ' ofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/2wBDAQkJCQwLDBgNDRgyIRwhMjIy',
      'CATEGORIES:Press,Geneva',
      'REV:2024-05-01T08:00:00Z',
      'UID:8B2C1A9E-6E1F-4A39-9D7A-2F6B1F1C9E11',
      'END:VCARD',
      '',
    ].join('\r\n');
    expect(parseVCards(apple)).toEqual({
      contacts: [
        {
          index: 0,
          uid: '8B2C1A9E-6E1F-4A39-9D7A-2F6B1F1C9E11',
          name: 'Camille Dufour',
          emails: ['camille.dufour@example.org', 'desk@example.org'],
          phones: [
            { e164: '+41790000003', kind: 'cell' },
            { e164: '+41227306700', kind: 'work' },
          ],
          whatsapp: '+41780000000',
          outlet: 'Lakeside Tribune (fictitious)',
          role: 'International affairs',
          languages: [],
          country: 'CH',
          notes: 'Prefers calls after 10:00\nSpeaks French and English',
          tags: ['Press', 'Geneva'],
          updatedAt: new Date('2024-05-01T08:00:00Z'),
        },
      ],
      errors: [],
    });
  });

  it('reads a Google Contacts vCard 3.0 export with LF line ends, using the address country for national numbers', () => {
    const google = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Daniel Okafor',
      'N:Okafor;Daniel;;;',
      'EMAIL;TYPE=INTERNET;TYPE=WORK:daniel.okafor@example.org',
      'EMAIL;TYPE=INTERNET:Daniel.Okafor@example.org',
      'TEL;TYPE=CELL:(202) 555-0104',
      'ADR;TYPE=WORK:;;1 Example Plaza;Washington;DC;20001;United States',
      'ORG:Example Wire Service',
      'TITLE:Diplomacy correspondent',
      'NOTE:Met at the 2019 Oslo conference',
      'CATEGORIES:myContacts,Press',
      'END:VCARD',
      '',
    ].join('\n');
    expect(parseVCards(google).contacts).toEqual([
      {
        index: 0,
        name: 'Daniel Okafor',
        emails: ['daniel.okafor@example.org'],
        phones: [{ e164: '+12025550104', kind: 'cell' }],
        outlet: 'Example Wire Service',
        role: 'Diplomacy correspondent',
        languages: [],
        country: 'US',
        notes: 'Met at the 2019 Oslo conference',
        tags: ['Press'],
      },
    ]);
  });

  it('reads an Android vCard 2.1 with quoted-printable UTF-8 and bare TYPE parameters', () => {
    const android = [
      'BEGIN:VCARD',
      'VERSION:2.1',
      'N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C9=99mm=C9=99dova;Leyla;;;',
      'FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Leyla M=C9=99mm=C9=99dova',
      'NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Radio Caucasus Example =E2=80=93 prefers WhatsApp, mornings =',
      'Baku time',
      'TEL;CELL:+994500000005',
      'TEL;HOME;VOICE:+994 12 000 00 00',
      'EMAIL;HOME:leyla.mammadova@example.org',
      'END:VCARD',
    ].join('\r\n');
    expect(parseVCards(android).contacts).toEqual([
      {
        index: 0,
        name: 'Leyla Məmmədova',
        emails: ['leyla.mammadova@example.org'],
        phones: [
          { e164: '+994500000005', kind: 'cell' },
          { e164: '+994120000000', kind: 'home' },
        ],
        languages: [],
        notes: 'Radio Caucasus Example – prefers WhatsApp, mornings Baku time',
        tags: [],
      },
    ]);
  });

  it('reads TYPE as a list, a quoted list or repeated parameters, and a byte order mark', () => {
    const text = [
      '\uFEFFBEGIN:VCARD',
      'VERSION:4.0',
      'FN:Types Test',
      'TEL;TYPE=work,voice:tel:+41227306700',
      'TEL;TYPE="cell,voice";VALUE=uri:tel:+41-78-000-00-00',
      'TEL;TYPE=HOME;TYPE=VOICE:+41 44 000 00 00',
      'TEL;TYPE=fax:+41 22 730 67 01',
      'END:VCARD',
    ].join('\r\n');
    expect(parseVCards(text).contacts[0]?.phones).toEqual([
      { e164: '+41227306700', kind: 'work' },
      { e164: '+41780000000', kind: 'cell' },
      { e164: '+41440000000', kind: 'home' },
    ]);
  });

  it('orders emails, phones and languages by preference, then by position', () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:4.0',
      'FN:Pref Test',
      'EMAIL:third@example.org',
      'EMAIL;PREF=2:second@example.org',
      'EMAIL;PREF=1:first@example.org',
      'LANG;PREF=2:EN-gb',
      'LANG;PREF=1:fr-ch',
      'TZ:-05:00',
      'TZ;VALUE=text:America/New_York',
      'END:VCARD',
    ].join('\r\n');
    expect(parseVCards(text).contacts[0]).toMatchObject({
      emails: ['first@example.org', 'second@example.org', 'third@example.org'],
      languages: ['fr-CH', 'en-GB'],
      timeZone: 'America/New_York',
    });
  });

  it('uses N when a card has no FN', () => {
    const text = 'BEGIN:VCARD\r\nVERSION:3.0\r\nN:Derlicka-Rosenbauer;Kasia;;Dr.;\r\nEND:VCARD\r\n';
    expect(parseVCards(text).contacts[0]?.name).toBe('Dr. Kasia Derlicka-Rosenbauer');
  });

  it('reports every problem of a bad card by its index and still reads the cards around it', () => {
    const good = (name: string) => `BEGIN:VCARD\r\nVERSION:4.0\r\nFN:${name}\r\nTEL;VALUE=uri;TYPE=cell:tel:+41780000000\r\nEND:VCARD\r\n`;
    const text = [
      good('First Good'),
      'BEGIN:VCARD\r\nVERSION:4.0\r\nEMAIL:nameless@example.org\r\nEND:VCARD\r\n',
      good('Second Good'),
      'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bad Phones\r\nTEL;TYPE=CELL:+41 12\r\nTEL;TYPE=WORK:078 000 00 00\r\nEMAIL:not-an-address\r\nLANG:not a tag!\r\nEND:VCARD\r\n',
      'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Extension\r\nTEL;VALUE=uri;TYPE=work:tel:+1-202-555-0104;ext=12\r\nEND:VCARD\r\n',
      good('Third Good'),
      'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Never Closed\r\n',
    ].join('');
    const { contacts, errors } = parseVCards(text);
    expect(contacts.map((contact) => [contact.index, contact.name])).toEqual([
      [0, 'First Good'],
      [2, 'Second Good'],
      [5, 'Third Good'],
    ]);
    expect(errors).toEqual([
      { index: 1, message: 'The card has no name (FN)' },
      { index: 3, name: 'Bad Phones', message: '"not-an-address" is not an email address' },
      { index: 3, name: 'Bad Phones', message: 'Phone "+41 12": This is too short for a Swiss number' },
      { index: 3, name: 'Bad Phones', message: 'Phone "078 000 00 00": Add the country code, e.g. +41' },
      { index: 3, name: 'Bad Phones', message: 'Language "not a tag!" is not a language tag such as en, fr-CH or pl' },
      {
        index: 4,
        name: 'Extension',
        message: 'Phone "tel:+1-202-555-0104;ext=12": Phone numbers are stored without extensions; remove ";ext=12" and add it to the notes',
      },
      { index: 6, name: 'Never Closed', message: 'The card is not closed: END:VCARD is missing' },
    ]);
  });

  it('reads folded lines, escaped commas and semicolons, and several TEL lines with TYPE', () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Dufour\\, Camille',
      'N:Dufour;Camille;;;',
      'ORG:Tribune\\; Soir\\, Genève;Desk',
      // Unfolding removes the line break and the one white-space character after it.
      'TITLE:Editor\\, foreign',
      '  desk',
      'NOTE:Line one,\\nline two; with a semicolon and a fold in the mid',
      '\tdle',
      'TEL;TYPE=CELL:+41 79 000 00 03',
      'TEL;TYPE=WORK,VOICE:+41 22 730 67 00',
      'TEL;TYPE=HOME:+41 44 000 00 00',
      'CATEGORIES:UN\\, Geneva,Press',
      'END:VCARD',
    ].join('\r\n');
    expect(parseVCards(text).contacts[0]).toMatchObject({
      name: 'Dufour, Camille',
      outlet: 'Tribune; Soir, Genève',
      role: 'Editor, foreign desk',
      notes: 'Line one,\nline two; with a semicolon and a fold in the middle',
      phones: [
        { e164: '+41790000003', kind: 'cell' },
        { e164: '+41227306700', kind: 'work' },
        { e164: '+41440000000', kind: 'home' },
      ],
      tags: ['UN, Geneva', 'Press'],
    });
  });

  it('ignores photos: folded 3.0 base64, and 2.1 base64 lines ended by a blank line', () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Photo Three',
      'PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHR',
      ' ofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/2wBDAQkJCQwLDBgNDRgyIRwhMjIy',
      'EMAIL:three@example.org',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:2.1',
      'FN:Photo Two',
      'PHOTO;ENCODING=BASE64;JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD',
      '2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0',
      '',
      'TEL;CELL:+41 79 000 00 03',
      'END:VCARD',
    ].join('\r\n');
    const { contacts, errors } = parseVCards(text);
    expect(errors).toEqual([]);
    expect(contacts.map((contact) => [contact.name, contact.emails, contact.phones])).toEqual([
      ['Photo Three', ['three@example.org'], []],
      ['Photo Two', [], [{ e164: '+41790000003', kind: 'cell' }]],
    ]);
  });

  it('reads a 2.1 card in ISO-8859-1 quoted-printable with a line break in the note', () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:2.1',
      'N;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:M=FCller;Zo=EB',
      'NOTE;CHARSET=ISO-8859-1;QUOTED-PRINTABLE:Pr=E9f=E8re le matin=0D=0A=',
      'Appeler apr=E8s 10 h, pas le vendredi',
      'END:VCARD',
    ].join('\r\n');
    expect(parseVCards(text).contacts[0]).toMatchObject({ name: 'Zoë Müller', notes: 'Préfère le matin\nAppeler après 10 h, pas le vendredi' });
  });

  it('reports a card whose syntax cannot be read, and reads the cards around it', () => {
    const card = (line: string) => `BEGIN:VCARD\r\nVERSION:4.0\r\n${line}\r\nEND:VCARD\r\n`;
    const { contacts, errors } = parseVCards(card('FN:Before') + card('FN;LANGUAGE="fr:Broken') + card('FN:After'));
    expect(contacts.map((contact) => [contact.index, contact.name])).toEqual([
      [0, 'Before'],
      [2, 'After'],
    ]);
    expect(errors).toEqual([{ index: 1, message: expect.stringMatching(/^The card cannot be read: /) }]);
  });

  it('reads national numbers with the default country when the card has none', () => {
    const text = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Swiss Desk\r\nTEL;TYPE=CELL:078 000 00 00\r\nEND:VCARD\r\n';
    expect(parseVCards(text, { defaultCountry: 'CH' }).contacts[0]?.phones).toEqual([{ e164: '+41780000000', kind: 'cell' }]);
  });

  it('reads WhatsApp from X-WHATSAPP and whatsapp: URIs too', () => {
    const card = (line: string) => `BEGIN:VCARD\r\nVERSION:4.0\r\nFN:W\r\n${line}\r\nEND:VCARD\r\n`;
    expect(parseVCards(card('X-WHATSAPP:+994 50 000 00 05')).contacts[0]?.whatsapp).toBe('+994500000005');
    expect(parseVCards(card('IMPP:whatsapp:+41780000000')).contacts[0]?.whatsapp).toBe('+41780000000');
    expect(parseVCards(card('IMPP;X-SERVICE-TYPE=Skype:skype:camille.dufour')).contacts[0]?.whatsapp).toBeUndefined();
  });

  it('never throws on damaged files, and accounts for every card it finds (property)', () => {
    const sample = exportVCard([makeContact({ notes: 'a;b,c\\d' }), makeContact({ name: 'Zoë', whatsapp: '+41780000000', country: 'CH' })]);
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.nat(), fc.nat({ max: 60 }), (junk, start, length) => {
        const cut = start % sample.length;
        const { contacts, errors } = parseVCards(sample.slice(0, cut) + junk + sample.slice(cut + length));
        const indexes = new Set([...contacts.map((contact) => contact.index), ...errors.map((error) => error.index)]);
        // Indexes are 0..n-1 with no gaps: each card is in exactly one list.
        expect([...indexes].sort((a, b) => a - b)).toEqual([...indexes].map((_, position) => position));
        for (const contact of contacts) expect(errors.some((error) => error.index === contact.index)).toBe(false);
      }),
      { numRuns: 1_000 },
    );
  });

  it('says so when the text is not a vCard file at all', () => {
    expect(parseVCards('Name,Email\nA,a@example.org\n')).toEqual({
      contacts: [],
      errors: [{ index: 0, message: 'This is not a vCard file: it has no BEGIN:VCARD' }],
    });
    expect(parseVCards('')).toEqual({ contacts: [], errors: [] });
  });
});
