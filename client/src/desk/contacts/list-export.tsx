// Export what the list's filters select, as CSV (spreadsheets) or vCard
// (address books). The server audits every export.
import { useState } from 'react';
import { errorMessage } from '../../api/trpc';
import { downloadText, plural } from './contact-format';
import { useExportApi, type ExportFilters } from './export-api';

export function ListExport({ filters, disabled }: { filters: ExportFilters; disabled: boolean }) {
  const exports = useExportApi();
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(format: 'csv' | 'vcard') {
    setBusy(true);
    setMessage(`Preparing the ${format === 'csv' ? 'CSV' : 'vCard'} file…`);
    try {
      const file = format === 'csv' ? await exports.exportCsv(filters) : await exports.exportVCard(filters);
      downloadText(file.text, file.filename, file.contentType);
      setMessage(`Exported ${plural(file.count, 'contact')} to ${file.filename}.`);
    } catch (error) {
      setMessage(`Export failed: ${errorMessage(error)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="list-export">
      <button type="button" className="quiet" onClick={() => run('csv')} disabled={disabled || busy}>
        Export CSV
      </button>
      <button type="button" className="quiet" onClick={() => run('vcard')} disabled={disabled || busy}>
        Export vCard
      </button>
      <p role="status" className="list-export-status">{message}</p>
    </div>
  );
}
