// /desk/contacts/import: file or paste → (CSV) columns → dry run → import →
// the per-row report. Every step can go back; nothing is saved before the last.
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../api/query';
import { errorMessage } from '../../api/trpc';
import { usePageTitle } from '../../components/page-title';
import { onLinkClick } from '../../router';
import { plural } from './contact-format';
import { listUrl } from './contact-types';
import { useImportApi, type ColumnMapping, type CsvPreview, type ImportProgress, type ImportReport } from './import-api';
import { ImportMapping } from './import-mapping';
import { ImportReportView } from './import-report';
import { ImportSourceStep, type ImportSource } from './import-source';

export function ImportWizard() {
  usePageTitle('Import contacts', 1);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const imports = useImportApi();
  const [source, setSource] = useState<ImportSource | null>(null);
  const [preview, setPreview] = useState<CsvPreview | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [dryRun, setDryRun] = useState<ImportReport | null>(null);
  const [final, setFinal] = useState<ImportReport | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);

  const run = useMutation({
    mutationFn: async ({ from, write }: { from: ImportSource; write: boolean }) => {
      setProgress(null);
      const options = { defaultCountry: from.defaultCountry || undefined, dryRun: !write, onProgress: setProgress };
      return from.format === 'csv' ? imports.importCsv({ csv: from.text, mapping, ...options }) : imports.importVCard({ vcf: from.text, ...options });
    },
    onSuccess: async (report) => {
      if (report.dryRun) return setDryRun(report);
      setFinal(report);
      await Promise.all([queryClient.invalidateQueries({ queryKey: trpc.contacts.pathKey() }), queryClient.invalidateQueries({ queryKey: trpc.outlets.pathKey() })]);
    },
  });
  const read = useMutation({
    mutationFn: async (from: ImportSource) => (from.format === 'csv' ? imports.previewCsv(from.text) : null),
    onSuccess: (result, from) => {
      setSource(from);
      if (result) {
        setPreview(result);
        setMapping(result.mapping);
      } else {
        run.mutate({ from, write: false });
      }
    },
  });

  function startOver() {
    setSource(null);
    setPreview(null);
    setDryRun(null);
    setFinal(null);
    read.reset();
    run.reset();
  }
  const unit = source?.format === 'vcard' ? 'card' : 'line';
  const writable = dryRun ? dryRun.counts.created + dryRun.counts.updated : 0;

  return (
    <>
      <p className="contact-back">
        <a href={listUrl()} onClick={onLinkClick}>← All media contacts</a>
      </p>
      <h1>Import contacts</h1>
      {!source && <ImportSourceStep onNext={(from) => read.mutate(from)} busy={read.isPending} error={read.isError ? `Could not read it: ${errorMessage(read.error)}` : null} />}
      {source && !final && (
        <p className="import-file">
          <span className="label">{source.format === 'csv' ? 'CSV' : 'vCard'}:</span> {source.label}{' '}
          <button type="button" className="quiet" onClick={startOver} disabled={run.isPending}>Choose another file</button>
        </p>
      )}
      {source && preview && !final && (
        <ImportMapping
          preview={preview}
          mapping={mapping}
          onChange={(next) => {
            setMapping(next);
            // A dry run answers for the columns it ran with.
            setDryRun(null);
          }}
        />
      )}
      <p role="status" className="import-progress">
        {run.isPending ? (progress ? `${progress.done.toLocaleString()} of ${progress.total.toLocaleString()} rows…` : dryRun ? 'Importing…' : 'Checking every row…') : ''}
      </p>
      {run.isError && <p role="alert" className="form-error">{errorMessage(run.error)}</p>}
      {source && !dryRun && !final && preview && (
        <div className="form-actions">
          <button type="button" onClick={() => run.mutate({ from: source, write: false })} disabled={run.isPending}>Dry run</button>
          <span className="meta"> Checks every row and shows what would happen; saves nothing.</span>
        </div>
      )}
      {dryRun && !final && (
        <>
          <ImportReportView report={dryRun} unit={unit} />
          <div className="form-actions">
            <button type="button" onClick={() => run.mutate({ from: source!, write: true })} disabled={run.isPending || writable === 0}>
              {writable === 0 ? 'Nothing to import' : `Import ${plural(writable, unit === 'card' ? 'card' : 'row')}`}
            </button>
          </div>
        </>
      )}
      {final && (
        <>
          <ImportReportView report={final} unit={unit} />
          <div className="form-actions">
            <button type="button" className="quiet" onClick={startOver}>Import another file</button>
            <a className="button" href={listUrl()} onClick={onLinkClick}>Back to the media list</a>
          </div>
        </>
      )}
    </>
  );
}
