import { formatDateTime } from '../../time';

/** "Under embargo" on a request made through a release's preview link, with the release and the acceptance of its terms. */
export function EmbargoMark({ request }: { request: { underEmbargo: boolean; embargoAcceptedAt: string | null; release: { title: string; embargoUntil: string | null } | null } }) {
  if (!request.underEmbargo) return null;
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <p className="embargo-mark">
      <span className="status-tag">Under embargo</span> {request.release && <>“{request.release.title}”{request.release.embargoUntil && <>, embargo until {formatDateTime(request.release.embargoUntil, zone)}</>}</>}
      {request.embargoAcceptedAt && <> · terms accepted {formatDateTime(request.embargoAcceptedAt, zone)}</>}
    </p>
  );
}
