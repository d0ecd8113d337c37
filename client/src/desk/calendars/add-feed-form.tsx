import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../api/query';
import { errorMessage } from '../../api/trpc';

/** Google's or Outlook's "secret address in iCal format", or any webcal:// / https:// calendar. */
export function AddFeedForm({ spokespersonId }: { spokespersonId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [label, setLabel] = useState('');
  const [url, setUrl] = useState('');
  const [result, setResult] = useState<string | null>(null);
  const add = useMutation(
    trpc.calendars.addFeed.mutationOptions({
      onSuccess: (answer) => {
        setResult(`${answer.connection.label} added. ${answer.sync.message}`);
        setLabel('');
        setUrl('');
      },
      onError: (error) => setResult(errorMessage(error)),
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.calendars.pathKey() }),
    }),
  );
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        add.mutate({ spokespersonId, label, url });
      }}
    >
      <p className="meta">In Google Calendar: Settings → your calendar → “Secret address in iCal format”. In Outlook: Settings → Shared calendars → Publish a calendar → ICS link.</p>
      <label htmlFor="feed-label">Name</label>
      <input id="feed-label" value={label} onChange={(event) => setLabel(event.target.value)} required maxLength={100} placeholder="Work" />
      <label htmlFor="feed-url">Calendar address</label>
      <input id="feed-url" type="url" inputMode="url" autoComplete="off" value={url} onChange={(event) => setUrl(event.target.value)} required placeholder="https://calendar.google.com/calendar/ical/…/basic.ics" />
      <button type="submit" disabled={add.isPending}>{add.isPending ? 'Adding…' : 'Add calendar address'}</button>
      <p role="status">{result}</p>
    </form>
  );
}
