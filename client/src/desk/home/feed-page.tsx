import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { QueryResult, useTRPC } from '../../api/query';
import { errorMessage } from '../../api/trpc';
import { browserTimeZone, formatDateTime } from '../../time';
import type { StaffUser } from '../staff-user';
import '../setup/setup.css';

/** Calendar apps subscribe with webcal:// (the same address as https://, which opens the subscribe dialog). */
export function webcalUrl(url: string): string {
  return url.replace(/^https?:\/\//, 'webcal://');
}

/**
 * The calendar feed: a secret address calendar apps subscribe to. A spokesperson
 * gets their own interviews; press officers and admins the whole office's.
 * The address is shown once when made; making a new one stops the old one.
 */
export function FeedPage({ user }: { user: StaffUser }) {
  if (user.role === 'spokesperson' && !user.spokespersonId) return <><h1>Calendar feed</h1><p>Your account is not linked to a spokesperson profile yet. Ask the press office to link it.</p></>;
  const scope = user.role === 'spokesperson' ? { scope: 'spokesperson' as const, spokespersonId: user.spokespersonId! } : { scope: 'office' as const };
  return <Feed scope={scope} whose={scope.scope === 'office' ? 'all the office’s interviews' : 'your interviews'} />;
}

function Feed({ scope, whose }: { scope: { scope: 'office' } | { scope: 'spokesperson'; spokespersonId: string }; whose: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const status = useQuery(trpc.feeds.status.queryOptions(scope));
  const [url, setUrl] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.feeds.status.queryKey(scope) });
  const rotate = useMutation(trpc.feeds.rotate.mutationOptions({ onSuccess: async (result) => { setUrl(result.url); setMessage(null); await refresh(); }, onError: (error) => setMessage({ text: errorMessage(error), error: true }) }));
  const revoke = useMutation(trpc.feeds.revoke.mutationOptions({ onSuccess: async () => { setUrl(null); setMessage({ text: 'The address no longer works. Calendars subscribed to it stop updating.' }); await refresh(); }, onError: (error) => setMessage({ text: errorMessage(error), error: true }) }));
  async function copy(text: string) {
    try {
      await navigator.clipboard.writeText(text);
      setMessage({ text: 'Copied. Paste it into your calendar app’s “subscribe to calendar” (or “from URL”) dialog.' });
    } catch {
      setMessage({ text: 'Could not copy: select the address and copy it yourself.', error: true });
    }
  }
  return (
    <>
      <h1>Calendar feed</h1>
      <p>Subscribe to {whose} in Google Calendar, Outlook, Apple Calendar or Thunderbird: they appear and update by themselves.</p>
      <QueryResult query={status} label="the feed">
        {(current) => (
          <>
            <p>{current.active ? `A subscription address is live, made ${formatDateTime(current.createdAt!, browserTimeZone())}. For safety it is shown only once; make a new one if you need it again (the old one then stops).` : 'No subscription address yet.'}</p>
            {url && (
              <section aria-labelledby="feed-url-heading" className="card feed-card">
                <h2 id="feed-url-heading">Your subscription address</h2>
                <p className="feed-url">{webcalUrl(url)}</p>
                <div className="row-actions">
                  <button type="button" onClick={() => copy(webcalUrl(url))}>Copy the address</button>
                  <a className="button" href={webcalUrl(url)}>Subscribe in your calendar app</a>
                </div>
                <p className="meta">Keep it private: anyone with it can read these interviews. For apps that ask for a web address: {url}</p>
              </section>
            )}
            <div className="row-actions">
              <button type="button" disabled={rotate.isPending} onClick={() => (!current.active || window.confirm('Make a new address? The current one stops working at once.')) && rotate.mutate(scope)}>
                {current.active ? 'Make a new address (the old one stops)' : 'Make a subscription address'}
              </button>
              {current.active && (
                <button type="button" className="secondary" disabled={revoke.isPending} onClick={() => window.confirm('Stop the subscription address? Subscribed calendars stop updating.') && revoke.mutate(scope)}>
                  Stop the address
                </button>
              )}
            </div>
          </>
        )}
      </QueryResult>
      {message && <p role={message.error ? 'alert' : 'status'} className={message.error ? 'form-error' : undefined}>{message.text}</p>}
    </>
  );
}
