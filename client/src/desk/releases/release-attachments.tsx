// Attachments (PDF, PNG, JPEG, WebP up to 20 MB): sent as the raw body to
// POST /releases/<id>/attachments beside tRPC; the server checks type, size and content.
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../api/query';
import type { ManagedRelease } from './release-types';

async function send(url: string, init: RequestInit) {
  const response = await fetch(url, { credentials: 'same-origin', ...init });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `The server answered ${response.status}.`);
  }
}

export function ReleaseAttachments({ release }: { release: ManagedRelease }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState('');
  const [status, setStatus] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.releases.pathKey() });

  async function upload(event: React.ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setProblem('');
    setStatus(`Uploading ${file.name}…`);
    try {
      await send(`/releases/${encodeURIComponent(release.id)}/attachments?name=${encodeURIComponent(file.name)}`, { method: 'POST', headers: { 'content-type': file.type || 'application/octet-stream' }, body: file });
      setStatus(`${file.name} attached.`);
      await refresh();
    } catch (error) {
      setStatus('');
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      input.value = '';
    }
  }

  async function remove(id: string, name: string) {
    setProblem('');
    try {
      await send(`/attachments/${encodeURIComponent(id)}`, { method: 'DELETE' });
      setStatus(`${name} removed.`);
      await refresh();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  }

  return (
    <section aria-labelledby="attachments-heading" className="card">
      <h2 id="attachments-heading">Attachments</h2>
      {release.attachments.length === 0 ? (
        <p className="meta">No attachments.</p>
      ) : (
        <ul className="list">
          {release.attachments.map((file) => (
            <li key={file.id}>
              <a href={file.url}>{file.fileName}</a> <span className="meta">({Math.max(1, Math.round(file.sizeBytes / 1024))} KB)</span>{' '}
              <button type="button" className="secondary" onClick={() => remove(file.id, file.fileName)}>
                Remove<span className="visually-hidden"> {file.fileName}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="form-field">
        <label htmlFor="attachment-file">Attach a PDF or an image (up to 20 MB)</label>
        <input id="attachment-file" type="file" accept="application/pdf,image/png,image/jpeg,image/webp" onChange={upload} />
      </div>
      {problem && <p role="alert" className="form-error">{problem}</p>}
      <p role="status" className="save-status">{status}</p>
    </section>
  );
}
