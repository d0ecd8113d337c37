// The per-row report of an import or a dry run: counts by outcome, the rows
// skipped or failed with their reasons, then the others folded, linked to their contacts.
import { useId } from 'react';
import { onLinkClick } from '../../router';
import { plural } from './contact-format';
import { contactPath } from './contact-types';
import type { ImportReport } from './import-api';

type Status = keyof ImportReport['counts'];
const statuses: Status[] = ['created', 'updated', 'unchanged', 'skipped', 'failed'];
const statusNames: Record<Status, string> = { created: 'Created', updated: 'Updated', unchanged: 'Unchanged', skipped: 'Skipped', failed: 'Failed' };
const wouldNames: Record<Status, string> = { created: 'Would be created', updated: 'Would be updated', unchanged: 'Unchanged', skipped: 'Would be skipped', failed: 'Would fail' };

export function ImportReportView({ report, unit }: { report: ImportReport; unit: 'line' | 'card' }) {
  const id = useId();
  const names = report.dryRun ? wouldNames : statusNames;
  // Rows that need a person's attention first; the others (created, updated, unchanged) below, folded.
  const problems = report.rows.filter((row) => row.status === 'skipped' || row.status === 'failed');
  const others = report.rows.filter((row) => row.status !== 'skipped' && row.status !== 'failed');
  const noun = unit === 'line' ? 'row' : 'card';
  return (
    <section className="import-report" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{report.dryRun ? 'Dry run: what the import would do' : 'Import report'}</h2>
      {report.dryRun && <p className="meta">Nothing was saved.</p>}
      <dl className="import-counts" aria-label={report.dryRun ? 'Dry run counts' : 'Import counts'}>
        {statuses.map((status) => (
          <div key={status} className={`import-count import-${status}${(status === 'skipped' || status === 'failed') && report.counts[status] > 0 ? ' import-attention' : ''}`}>
            <dt>{names[status]}</dt>
            <dd>{report.counts[status]}</dd>
          </div>
        ))}
      </dl>
      {problems.length > 0 && (
        <div className="table-scroll" role="region" aria-labelledby={`${id}-rows`} tabIndex={0}>
          <table className="import-rows">
            <caption id={`${id}-rows`}>{plural(problems.length, noun)} not imported</caption>
            <thead>
              <tr>
                <th scope="col">{unit === 'line' ? 'Line' : 'Card'}</th>
                <th scope="col">Outcome</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {problems.map((row) => (
                <tr key={row.line} className={`import-row-${row.status}`}>
                  <th scope="row">{row.line}</th>
                  <td>
                    {row.contactId && !report.dryRun ? (
                      <a href={contactPath(row.contactId)} onClick={onLinkClick}>{names[row.status]}</a>
                    ) : (
                      names[row.status]
                    )}
                  </td>
                  <td>{row.reasons?.length ? <ul className="plain-list">{row.reasons.map((reason) => <li key={reason}>{reason}</li>)}</ul> : <span className="meta">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {others.length > 0 && (
        <details className="import-others">
          <summary>{others.length === 1 ? `The other ${noun}` : `The other ${plural(others.length, noun)}`}: {statuses.filter((status) => status !== 'skipped' && status !== 'failed' && report.counts[status] > 0).map((status) => `${report.counts[status]} ${names[status].toLowerCase()}`).join(', ')}</summary>
          <ul className="plain-list">
            {others.map((row) => (
              <li key={row.line}>
                {unit === 'line' ? 'Line' : 'Card'} {row.line}: {row.contactId && !report.dryRun ? <a href={contactPath(row.contactId)} onClick={onLinkClick}>{names[row.status].toLowerCase()}</a> : names[row.status].toLowerCase()}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
