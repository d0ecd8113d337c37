// A release's text (HTML sanitised by the server, server/releases/render-markdown.ts),
// its links section and its attachments.
import { useI18n } from '../i18n/i18n';
import type { PublicRelease } from './release-types';

/** "1.2 MB", "1,2 Mo", "340 kB" in the page's locale. */
function sizeText(bytes: number, locale: string) {
  const [value, unit] = bytes >= 1024 * 1024 ? [bytes / 1024 / 1024, 'megabyte'] : [Math.max(1, Math.round(bytes / 1024)), 'kilobyte'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
}

export function ReleaseBody({ release }: { release: Pick<PublicRelease, 'bodyHtml' | 'links' | 'attachments'> }) {
  const { t, locale } = useI18n();
  return (
    <>
      {/* Safe: the server renders the Markdown and strips scripts, handlers and javascript: links. */}
      <div className="release-body" dangerouslySetInnerHTML={{ __html: release.bodyHtml }} />
      {release.links.length > 0 && (
        <section aria-labelledby="release-links">
          <h2 id="release-links">{t('release.links')}</h2>
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
          <h2 id="release-attachments">{t('release.attachments')}</h2>
          <ul className="list">
            {release.attachments.map((file) => (
              <li key={file.id}>
                <a href={file.url}>{file.fileName}</a> <span className="meta">({t('release.attachmentKind', { kind: file.contentType === 'application/pdf' ? 'pdf' : 'image', size: sizeText(file.sizeBytes, locale) })})</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
