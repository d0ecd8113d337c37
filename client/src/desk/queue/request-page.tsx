// /desk/requests/<id>: one request on its own page whatever its status (links
// in the desk's emails and elsewhere open it), with the same actions as in the queue.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { QueryResult, useTRPC } from '../../api/query';
import { onLinkClick } from '../../router';
import { browserTimeZone } from '../../time';
import { usePageTitle } from '../../components/page-title';
import { RequestCard } from './request-card';
import { useDeskAct } from './use-desk-act';
import { useNow } from './use-now';
import './queue.css';

export function RequestPage({ requestId }: { requestId: string }) {
  const trpc = useTRPC();
  const timeZone = browserTimeZone();
  const now = useNow(30_000);
  const [message, setMessage] = useState('');
  const [expanded, setExpanded] = useState(true);
  const request = useQuery(trpc.desk.requests.get.queryOptions({ requestId }, { refetchOnWindowFocus: true }));
  const spokespeople = useQuery(trpc.spokespeople.list.queryOptions());
  const act = useDeskAct((_request, text) => setMessage(text));
  usePageTitle(request.data ? `Request ${request.data.reference}` : null, 1);
  return (
    <>
      <p>
        <a href="/desk" onClick={onLinkClick}>Back to the queue</a>
      </p>
      <div role="status" className="queue-announcement">
        {message && <p>{message}</p>}
      </div>
      <QueryResult query={request} label="the request">
        {(data) => (
          <ul className="queue queue-single">
            <RequestCard request={data} timeZone={timeZone} now={now} spokespeople={spokespeople.data ?? []} expanded={expanded} onToggleDetails={() => setExpanded((value) => !value)} act={act} headingLevel={1} />
          </ul>
        )}
      </QueryResult>
    </>
  );
}
