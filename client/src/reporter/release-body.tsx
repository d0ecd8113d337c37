// A release's text (HTML sanitised by the server, server/releases/render-markdown.ts),
// its links section and its attachments.
import type { PublicRelease } from './release-types';

function sizeText(bytes: number) {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export function ReleaseBody({ release }: { release: Pick<PublicRelease, 'bodyHtml' | 'links' | 'attachments'> }) {
  return (
    <>
      {/* Safe: the server renders the Markdown and strips scripts, handlers and javascript: links. */}
      <div className="release-body" dangerouslySetInnerHTML={{ __html: release.bodyHtml }} />
      {release.links.length > 0 && (
        <section aria-labelledby="release-links">
          <h2 id="release-links">Links</h2>
          <ul className="list">
            {release.links.map((link) => (
              <li key={link.url}>
                <a href={link.url} rel="noopener noreferrer">{link.label}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {release.attachments.length > 0 && (
        <section aria-labelledby="release-attachments">
          <h2 id="release-attachments">Attachments</h2>
          <ul className="list">
            {release.attachments.map((file) => (
              <li key={file.id}>
                <a href={file.url}>{file.fileName}</a> <span className="meta">({file.contentType === 'application/pdf' ? 'PDF' : 'image'}, {sizeText(file.sizeBytes)})</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
