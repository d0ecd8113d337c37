// A new endpoint secret, shown once: the server keeps only a sealed copy and
// never returns it again, so the admin copies it now.
import { useState } from 'react';

export function SecretNotice({ secret, onDone }: { secret: string; onDone: () => void }) {
  const [copied, setCopied] = useState('');
  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('Copied.');
    } catch {
      setCopied('Copying was refused by the browser; select the secret and copy it.');
    }
  }
  return (
    <div className="card webhook-secret" role="region" aria-labelledby="webhook-secret-title">
      <h2 id="webhook-secret-title">Signing secret: copy it now</h2>
      <p>It is shown only this once. The receiver verifies each delivery with it (README “Webhooks”).</p>
      <code className="webhook-secret-value" data-testid="webhook-secret">{secret}</code>
      <div className="webhook-actions">
        <button type="button" onClick={copy}>Copy the secret</button>
        <button type="button" className="secondary" onClick={onDone}>I have saved it</button>
      </div>
      <p role="status">{copied}</p>
    </div>
  );
}
