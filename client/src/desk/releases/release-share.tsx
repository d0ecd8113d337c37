// Sharing a release before it is public: its secret preview link (made anew on
// request; the old one stops working) and the press contact block to paste,
// as text or HTML, into the email that carries the release.
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../api/query';
import { contactBlockHtml, contactBlockText } from '../../reporter/press-contact-block';
import { releaseBookingUrl, releaseDate } from '../../reporter/release-article';
import type { ManagedRelease } from './release-types';

export function ReleaseShare({ release }: { release: ManagedRelease }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState('');
  const makeLink = useMutation(
    trpc.releases.createPreviewLink.mutationOptions({
      onSuccess: async (made) => {
        setLink(made.url);
        await queryClient.invalidateQueries({ queryKey: trpc.releases.pathKey() });
      },
    }),
  );
  const contact = release.publicPressContact;
  const options = { date: releaseDate(release), bookingUrl: releaseBookingUrl(release) };

  async function copy(kind: 'text' | 'HTML') {
    if (!contact) return;
    const text = contactBlockText(contact, options);
    const html = contactBlockHtml(contact, options);
    try {
      if (kind === 'HTML' && typeof ClipboardItem !== 'undefined') {
        await navigator.clipboard.write([new ClipboardItem({ 'text/html': new Blob([html], { type: 'text/html' }), 'text/plain': new Blob([text], { type: 'text/plain' }) })]);
      } else {
        await navigator.clipboard.writeText(kind === 'HTML' ? html : text);
      }
      setCopied(`Contact block copied as ${kind}.`);
    } catch {
      setCopied('The browser did not allow copying; select the text below and copy it.');
    }
  }

  return (
    <section aria-labelledby="share-heading" className="card release-share">
      <h2 id="share-heading">Preview link and contact block</h2>
      <p className="meta">
        The preview link shows the release under embargo to whoever holds it, with the embargo terms, and lets them request an interview. {release.hasPreviewLink ? 'A link exists; making a new one stops the old one.' : 'No link yet.'}
      </p>
      <button type="button" onClick={() => makeLink.mutate({ id: release.id })} disabled={makeLink.isPending}>
        {release.hasPreviewLink ? 'Make a new preview link' : 'Make a preview link'}
      </button>
      {link && (
        <p>
          <label htmlFor="preview-link">Preview link (shown once; copy it now)</label>
          <input id="preview-link" readOnly value={link} onFocus={(event) => event.currentTarget.select()} />
          <a href={link} target="_blank" rel="noreferrer">Open the preview link</a>
        </p>
      )}
      {makeLink.isError && <p role="alert">{makeLink.error.message}</p>}
      {contact ? (
        <>
          <label htmlFor="contact-block-text">Contact block as text</label>
          <textarea id="contact-block-text" readOnly rows={6} value={contactBlockText(contact, options)} />
          <div className="row-actions">
            <button type="button" className="secondary" onClick={() => copy('text')}>Copy as text</button>
            <button type="button" className="secondary" onClick={() => copy('HTML')}>Copy as HTML</button>
          </div>
        </>
      ) : (
        <p className="meta">Choose a press contact to get the contact block.</p>
      )}
      <p role="status">{copied}</p>
    </section>
  );
}
