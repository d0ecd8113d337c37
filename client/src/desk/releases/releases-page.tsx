// Press officers: releases by status (drafts, scheduled, under embargo,
// published), and the editor at /desk/releases/new and /desk/releases/<id>.
import { useQuery } from '@tanstack/react-query';
import { QueryResult, useTRPC } from '../../api/query';
import { usePageTitle } from '../../components/page-title';
import { formatDateTime } from '../../time';
import { onLinkClick, useLocation } from '../../router';
import type { StaffUser } from '../staff-user';
import { ReleaseEditor } from './release-editor';
import { statusNames, type ListedRelease } from './release-types';
import './releases.css';

const ORDER = ['draft', 'scheduled', 'embargoed', 'published'] as const;

export function ReleasesPage({ user }: { user: StaffUser }) {
  const { path } = useLocation();
  const match = /^\/desk\/releases\/([^/]+)$/.exec(path);
  if (match) return <ReleaseEditor key={match[1]} id={match[1] === 'new' ? null : decodeURIComponent(match[1]!)} canEdit={user.role !== 'spokesperson'} />;
  return <ReleaseList />;
}

function ReleaseList() {
  const trpc = useTRPC();
  const releases = useQuery(trpc.releases.listAll.queryOptions());
  usePageTitle('Releases');
  return (
    <>
      <h1>Releases</h1>
      <p>
        <a className="button" href="/desk/releases/new" onClick={onLinkClick}>Write a release</a>
      </p>
      <QueryResult query={releases} label="the releases">
        {(list) => (
          <>
            {ORDER.map((status) => (
              <StatusGroup key={status} status={status} releases={list.filter((release) => release.status === status)} />
            ))}
          </>
        )}
      </QueryResult>
    </>
  );
}

function StatusGroup({ status, releases }: { status: string; releases: ListedRelease[] }) {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <section aria-labelledby={`releases-${status}`}>
      <h2 id={`releases-${status}`}>
        {statusNames[status]} ({releases.length})
      </h2>
      {releases.length === 0 ? (
        <p className="meta">None.</p>
      ) : (
        <ul className="list release-list">
          {releases.map((release) => (
            <li key={release.id}>
              <a href={`/desk/releases/${release.id}`} onClick={onLinkClick}>{release.title}</a>
              <span className="meta">
                {release.embargoUntil && status === 'embargoed' && <> · embargo until {formatDateTime(release.embargoUntil, zone)}</>}
                {release.publishedAt && status !== 'embargoed' && <> · {status === 'scheduled' ? 'publishes' : 'published'} {formatDateTime(release.publishedAt, zone)}</>}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
