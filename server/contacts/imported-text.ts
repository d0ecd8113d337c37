// The text rules of the input schemas (common/schema.ts), applied to rows and
// cards read from an imported file: a file is input too, and what contacts.create
// refuses must not arrive through contacts.importCsv. A row with bad text is
// skipped with the reason, like any other invalid row.
import { findTextProblem } from '../common/schema';
import type { ImportCandidate } from './save-imported-contacts';

type CandidateText = Pick<ImportCandidate, 'name' | 'outletName' | 'role' | 'notes' | 'tags'>;

/** The candidate's text NFC-normalised (notes with LF line breaks), or the reasons it cannot be imported. */
export function screenImportedText<T extends CandidateText>(candidate: T): { candidate: T } | { reasons: string[] } {
  const reasons: string[] = [];
  const check = (label: string, value: string | null, kind: { multiLine?: boolean; name?: boolean }) => {
    if (value === null) return null;
    const problem = findTextProblem(value, kind);
    if (problem) reasons.push(`${label}: ${problem}`);
    const normalized = value.normalize('NFC');
    return kind.multiLine ? normalized.replace(/\r\n?|[\u0085\u2028\u2029]/g, '\n') : normalized;
  };
  const screened = {
    ...candidate,
    name: check('Name', candidate.name, { name: true }) ?? '',
    outletName: check('Outlet', candidate.outletName, { name: true }),
    role: check('Role', candidate.role, {}),
    notes: check('Notes', candidate.notes, { multiLine: true }),
    tags: candidate.tags.map((tag) => check('Tag', tag, {}) ?? ''),
  };
  return reasons.length > 0 ? { reasons } : { candidate: screened };
}
