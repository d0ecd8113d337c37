// Step 2 of a CSV import: which column holds which fact, with the first rows
// as the file reads under the suggested mapping.
import { useId } from 'react';
import type { ColumnMapping, ContactField, CsvPreview } from './import-api';

export const fieldNames: Record<ContactField, string> = {
  name: 'Name', givenName: 'First name', familyName: 'Last name', email: 'Email', phone: 'Phone', whatsapp: 'WhatsApp', outlet: 'Outlet', role: 'Role or beat',
  languages: 'Languages', country: 'Country', timeZone: 'Time zone', notes: 'Notes', tags: 'Tags',
};

const delimiterNames: Record<string, string> = { ',': 'commas', ';': 'semicolons', '\t': 'tabs', '|': 'vertical bars' };

export function ImportMapping({ preview, mapping, onChange }: { preview: CsvPreview; mapping: ColumnMapping; onChange: (mapping: ColumnMapping) => void }) {
  const id = useId();
  const suggestedFields = preview.fields.filter((field) => Object.values(preview.mapping).includes(field));
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Columns</h2>
      <p>
        {preview.rowCount.toLocaleString()} rows, {preview.header.length} columns separated by {delimiterNames[preview.delimiter] ?? `“${preview.delimiter}”`}. Choose what each column holds; “Ignore” leaves it out.
      </p>
      <table className="import-mapping">
        <thead>
          <tr>
            <th scope="col">Column in the file</th>
            <th scope="col">Holds</th>
          </tr>
        </thead>
        <tbody>
          {preview.header.map((column, index) => (
            <tr key={`${index}-${column}`}>
              <th scope="row">
                <label htmlFor={`${id}-column-${index}`}>{column || `(column ${index + 1}, no name)`}</label>
              </th>
              <td>
                <select id={`${id}-column-${index}`} value={mapping[column] ?? ''} onChange={(event) => onChange({ ...mapping, [column]: (event.target.value || null) as ContactField | null })}>
                  <option value="">Ignore</option>
                  {preview.fields.map((field) => (
                    <option key={field} value={field}>{fieldNames[field]}</option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {preview.sample.length > 0 && suggestedFields.length > 0 && (
        <div className="table-scroll" role="region" aria-labelledby={`${id}-sample`} tabIndex={0}>
          <table className="import-sample">
            <caption id={`${id}-sample`}>First rows, as read with the suggested columns</caption>
            <thead>
              <tr>
                <th scope="col">Line</th>
                {suggestedFields.map((field) => (
                  <th key={field} scope="col">{fieldNames[field]}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.sample.map((row) => (
                <tr key={row.line}>
                  <th scope="row">{row.line}</th>
                  {suggestedFields.map((field) => (
                    <td key={field}>{row.values[field] ?? ''}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
