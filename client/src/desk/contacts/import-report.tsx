// The per-row report of an import or a dry run: counts by outcome, then every
// row that was not simply created, with its reasons; links to what was made.
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
  const notCreated = report.rows.filter((row) => row.status !== 'created');
  const created = report.rows.filter((row) => row.status === 'created');
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
      {notCreated.length > 0 && (
        <div className="table-scroll" role="region" aria-labelledby={`${id}-rows`} tabIndex={0}>
          <table className="import-rows">
            <caption id={`${id}-rows`}>{plural(notCreated.length, unit === 'line' ? 'row' : 'card')} not created</caption>
            <thead>
              <tr>
                <th scope="col">{unit === 'line' ? 'Line' : 'Card'}</th>
                <th scope="col">Outcome</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {notCreated.map((row) => (
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
      {!report.dryRun && created.length > 0 && (
        <details className="import-created">
          <summary>{plural(created.length, 'contact')} created</summary>
          <ul className="plain-list">
            {created.map((row) => (
              <li key={row.line}>
                {unit === 'line' ? 'Line' : 'Card'} {row.line}: {row.contactId ? <a href={contactPath(row.contactId)} onClick={onLinkClick}>open the contact</a> : 'created'}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
