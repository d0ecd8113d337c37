// Step 1 of an import: a file from the computer, or text pasted from a
// spreadsheet or an address book.
import { useId, useRef, useState } from 'react';

export type ImportFormat = 'csv' | 'vcard';

export interface ImportSource {
  format: ImportFormat;
  text: string;
  /** The file's name, or "pasted text". */
  label: string;
  defaultCountry: string;
}

/** The server refuses bodies over 5 MB; said here before a long upload. */
const MAX_FILE_BYTES = 4_900_000;

/** vCard files start with BEGIN:VCARD (after any blank lines); anything else is read as CSV. */
export function detectFormat(name: string, text: string): ImportFormat {
  if (/\.(vcf|vcard)$/i.test(name)) return 'vcard';
  return /^\s*BEGIN:VCARD/i.test(text) ? 'vcard' : 'csv';
}

export function ImportSourceStep({ onNext, busy, error }: { onNext: (source: ImportSource) => void; busy: boolean; error: string | null }) {
  const id = useId();
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [pasted, setPasted] = useState('');
  const [defaultCountry, setDefaultCountry] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  function clearFile() {
    setFile(null);
    if (fileInput.current) fileInput.current.value = '';
  }

  async function pick(event: React.ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0];
    setProblem(null);
    if (!chosen) return setFile(null);
    if (chosen.size > MAX_FILE_BYTES) {
      clearFile();
      return setProblem(`${chosen.name} is larger than 5 MB; split it into smaller files.`);
    }
    setFile({ name: chosen.name, text: await chosen.text() });
  }

  function next(event: React.FormEvent) {
    event.preventDefault();
    const text = file?.text ?? pasted;
    if (!text.trim()) return setProblem('Choose a file or paste the contacts first.');
    const label = file?.name ?? 'pasted text';
    onNext({ format: detectFormat(file?.name ?? '', text), text, label, defaultCountry: defaultCountry.trim().toUpperCase() });
  }

  const shownError = problem ?? error;
  return (
    <form className="import-source" onSubmit={next} noValidate>
      <p>CSV from a spreadsheet, Outlook or Google Contacts, or vCard (.vcf) from an address book. Nothing is saved until you have seen what the import would do.</p>
      <div className="form-field">
        <label htmlFor={`${id}-file`}>File</label>
        <input ref={fileInput} id={`${id}-file`} type="file" accept=".csv,.txt,.vcf,.vcard,text/csv,text/vcard" onChange={pick} aria-describedby={`${id}-file-hint`} />
        <span id={`${id}-file-hint`} className="meta hint">{file ? `${file.name}: ${file.text.length.toLocaleString()} characters read.` : 'Up to 5 MB.'}</span>
        {file && <button type="button" className="quiet" onClick={clearFile}>Clear the file</button>}
      </div>
      <div className="form-field">
        <label htmlFor={`${id}-paste`}>Or paste the contacts</label>
        <textarea id={`${id}-paste`} rows={6} value={pasted} disabled={Boolean(file)} onChange={(event) => setPasted(event.target.value)} aria-describedby={`${id}-paste-hint`} />
        <span id={`${id}-paste-hint`} className="meta hint">{file ? 'A file is chosen; clear it to paste instead.' : 'With the header row first for CSV, or BEGIN:VCARD … END:VCARD cards.'}</span>
      </div>
      <div className="form-field">
        <label htmlFor={`${id}-country`}>Country for numbers without a country code</label>
        <input id={`${id}-country`} value={defaultCountry} maxLength={2} onChange={(event) => setDefaultCountry(event.target.value)} aria-describedby={`${id}-country-hint`} autoComplete="off" />
        <span id={`${id}-country-hint`} className="meta hint">Two letters, e.g. CH; leave empty if every number starts with +.</span>
      </div>
      {shownError && <p role="alert" className="form-error">{shownError}</p>}
      <div className="form-actions">
        <button type="submit" disabled={busy}>{busy ? 'Reading…' : 'Continue'}</button>
      </div>
    </form>
  );
}
