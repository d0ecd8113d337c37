// The booking widget's copy-paste snippet for the press office's website: one
// script tag (client/public/embed.js) per spokesperson, topic or release, and
// the plain iframe address for sites that allow no scripts. README "Embedding".
import { useId, useState } from 'react';
import './embed-snippet.css';

export type WidgetKind = 'spokesperson' | 'topic' | 'release';

const PATHS: Record<WidgetKind, string> = { spokesperson: '/embed/book/', topic: '/embed/topic/', release: '/embed/releases/' };

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** `<script src=".../embed.js" data-topic="cluster munitions" async></script>` */
export function widgetScript(kind: WidgetKind, value: string, origin = window.location.origin): string {
  return `<script src="${origin}/embed.js" data-${kind}="${escapeAttribute(value)}" async></script>`;
}

/** The address of the widget's page, for an iframe of fixed height. */
export function widgetFrameUrl(kind: WidgetKind, value: string, origin = window.location.origin): string {
  return `${origin}${PATHS[kind]}${encodeURIComponent(value)}`;
}

export function EmbedSnippet({ kind, value, what }: { kind: WidgetKind; value: string; what: string }) {
  const id = useId();
  const [copied, setCopied] = useState('');
  const snippet = widgetScript(kind, value);
  async function copy() {
    try {
      await navigator.clipboard.writeText(snippet);
      setCopied('Snippet copied.');
    } catch {
      setCopied('The browser did not allow copying; select the snippet and copy it.');
    }
  }
  return (
    <section aria-labelledby={`${id}-heading`} className="card embed-snippet">
      <h2 id={`${id}-heading`}>Booking widget for {what}</h2>
      <p className="meta">Paste this where the booking should appear on the office’s website: it shows {kind === 'spokesperson' ? 'this booking page' : kind === 'topic' ? 'who is free on this topic, soonest first' : 'the release’s spokespeople'} in a frame sized to its content. Add data-language="fr" or "es" to choose its language.</p>
      <label htmlFor={`${id}-snippet`}>Snippet for {what}</label>
      <textarea id={`${id}-snippet`} readOnly rows={3} value={snippet} onFocus={(event) => event.currentTarget.select()} />
      <div className="row-actions">
        <button type="button" className="secondary" onClick={copy}>
          Copy the snippet<span className="visually-hidden"> for {what}</span>
        </button>
      </div>
      <p className="meta">
        Without scripts: <code>{`<iframe src="${widgetFrameUrl(kind, value)}" title="Request an interview" style="width:100%;height:900px;border:0"></iframe>`}</code>
      </p>
      <p role="status">{copied}</p>
    </section>
  );
}
