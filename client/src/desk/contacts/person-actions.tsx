// What a press officer can do with one person: edit, archive or restore,
// export everything held about them, erase them. The two data-protection
// actions ask first, in the page, naming the person.
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../api/query';
import { errorMessage } from '../../api/trpc';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { onLinkClick } from '../../router';
import { downloadText, plural } from './contact-format';
import { editPath, type ContactView } from './contact-types';
import { useExportApi } from './export-api';

type Asking = null | 'export' | 'erase';

export function PersonActions({ contact, requestCount }: { contact: ContactView; requestCount: number }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const exports = useExportApi();
  const [asking, setAsking] = useState<Asking>(null);
  const [message, setMessage] = useState<string | null>(null);
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.contacts.pathKey() });

  const archive = useMutation(trpc.contacts.archive.mutationOptions({ onSuccess: invalidate, onError: (error) => setMessage(errorMessage(error)) }));
  const exportData = useMutation({
    mutationFn: () => exports.exportPersonalData(contact.id, contact.name),
    onSuccess: (file) => {
      downloadText(file.text, file.filename, file.contentType);
      setAsking(null);
      setMessage(`Exported everything held about ${contact.name} to ${file.filename}.`);
    },
  });
  const erase = useMutation(trpc.contacts.erase.mutationOptions({ onSuccess: invalidate }));
  const close = () => {
    setAsking(null);
    exportData.reset();
    erase.reset();
  };

  return (
    <div className="person-actions">
      <div className="form-actions">
        <a className="button" href={editPath(contact.id)} onClick={onLinkClick}>Edit</a>
        <button
          type="button"
          className="quiet"
          disabled={archive.isPending}
          onClick={() => {
            setMessage(null);
            archive.mutate({ id: contact.id, archived: !contact.archivedAt });
          }}
        >
          {contact.archivedAt ? 'Restore from the archive' : 'Archive'}
        </button>
        <button type="button" className="quiet" onClick={() => setAsking('export')}>Export personal data</button>
        <button type="button" className="secondary" onClick={() => setAsking('erase')}>Erase…</button>
      </div>
      <p role="status" className="person-actions-status">{message}</p>
      <ConfirmDialog
        open={asking === 'export'}
        title={`Export everything held about ${contact.name}?`}
        confirmLabel="Export personal data"
        busy={exportData.isPending}
        error={exportData.isError ? `Export failed: ${errorMessage(exportData.error)}` : null}
        onConfirm={() => exportData.mutate()}
        onCancel={close}
      >
        <p>A JSON file with their contact record and any records merged into it, outlets over time, {plural(requestCount, 'request')} and interviews, messages to their addresses and the audit trail about them.</p>
        <p>It holds personal data: send it only to {contact.name} or whoever they named. The export is recorded in the audit trail.</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={asking === 'erase'}
        title={`Erase ${contact.name}?`}
        confirmLabel={`Erase ${contact.name}`}
        danger
        busy={erase.isPending}
        error={erase.isError ? `Could not erase: ${errorMessage(erase.error)}` : null}
        onConfirm={() => erase.mutate({ id: contact.id })}
        onCancel={close}
      >
        <p>This cannot be undone. Deleted: the contact, records merged into it, their outlet history, and messages to their addresses; their name, addresses and numbers are removed from other messages and the audit trail.</p>
        <p>Kept:</p>
        <ul>
          <li>{plural(requestCount, 'request')} and their interviews, anonymised (“Erased contact”, no address or number), for the office’s records;</li>
          <li>a keyed hash of each address and number, so a re-import or a new request does not bring them back;</li>
          <li>the record that an erasure happened, with counts only.</li>
        </ul>
      </ConfirmDialog>
    </div>
  );
}
