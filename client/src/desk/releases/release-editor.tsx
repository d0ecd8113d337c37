// One release in the console: its form, attachments, preview link and contact
// block, the requests that came for it, and a preview as the public will see it.
import { useQuery } from '@tanstack/react-query';
import { QueryResult, useTRPC } from '../../api/query';
import { usePageTitle } from '../../components/page-title';
import { onLinkClick } from '../../router';
import { ReleaseArticle } from '../../reporter/release-article';
import { ReleaseAttachments } from './release-attachments';
import { ReleaseForm } from './release-form';
import { ReleaseShare } from './release-share';
import { EmbedSnippet } from '../../components/embed-snippet';
import { ReleaseSend } from './release-send';
import { statusNames, type ManagedRelease } from './release-types';

export function ReleaseEditor({ id, canEdit }: { id: string | null; canEdit: boolean }) {
  const trpc = useTRPC();
  const office = useQuery(trpc.office.get.queryOptions());
  const release = useQuery({ ...trpc.releases.getManaged.queryOptions({ id: id ?? '' }), enabled: id !== null });
  const officeZone = office.data?.timeZone ?? 'UTC';
  usePageTitle(id === null ? 'New release' : (release.data?.title ?? 'Release'), 1);
  return (
    <>
      <p>
        <a href="/desk/releases" onClick={onLinkClick}>All releases</a>
      </p>
      {id === null ? (
        <>
          <h1>New release</h1>
          {canEdit && <ReleaseForm release={null} officeZone={officeZone} />}
        </>
      ) : (
        <QueryResult query={release} label="the release">
          {(data) => (
            <>
              <h1>
                {data.title} <span className="status-tag">{statusNames[data.status]}</span>
              </h1>
              {canEdit && <ReleaseForm key={data.id} release={data} officeZone={officeZone} />}
              {canEdit && <ReleaseAttachments release={data} />}
              {canEdit && <ReleaseShare release={data} />}
              {/* The widget shows what the public release page shows: only a published release has one. */}
              {data.status === 'published' && <EmbedSnippet kind="release" value={data.slug} what={`“${data.title}”`} />}
              {canEdit && <ReleaseSend release={data} />}
              <ReleaseRequests release={data} />
              <section aria-labelledby="preview-heading">
                <h2 id="preview-heading">Preview as the public will see it</h2>
                <div className="release-preview">
                  <ReleaseArticle release={data} contact={data.publicPressContact} officeName={office.data?.name ?? undefined} officeZone={officeZone} underEmbargo={data.status === 'embargoed'} headingLevel={2} />
                </div>
              </section>
            </>
          )}
        </QueryResult>
      )}
    </>
  );
}

function ReleaseRequests({ release }: { release: ManagedRelease }) {
  return (
    <section aria-labelledby="release-requests-heading" className="card">
      <h2 id="release-requests-heading">Interview requests from this release ({release.requests.length})</h2>
      {release.requests.length > 0 && (
        <ul className="list">
          {release.requests.map((request) => (
            <li key={request.id}>
              {request.reference}: {request.reporterName}, {request.reporterOutlet} · {request.status}
              {request.underEmbargo && <> · <span className="status-tag">Under embargo</span></>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
