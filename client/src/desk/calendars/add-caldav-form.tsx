import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../api/query';
import { errorMessage } from '../../api/trpc';

/** A CalDAV account (iCloud, Fastmail, Nextcloud, Radicale): find its calendars, choose, save. */
export function AddCalDavForm({ spokespersonId }: { spokespersonId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ label: '', serverUrl: '', username: '', password: '' });
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [result, setResult] = useState<string | null>(null);
  const discover = useMutation(trpc.calendars.discover.mutationOptions({ onSuccess: (found) => setChosen(new Set(found.map((calendar) => calendar.url))), onError: (error) => setResult(errorMessage(error)) }));
  const add = useMutation(
    trpc.calendars.addCalDav.mutationOptions({
      onSuccess: (answer) => {
        setResult(`${answer.connection.label} added. ${answer.sync.message}`);
        setForm({ label: '', serverUrl: '', username: '', password: '' });
        discover.reset();
      },
      onError: (error) => setResult(errorMessage(error)),
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.calendars.pathKey() }),
    }),
  );
  const field = (name: keyof typeof form) => ({ id: `caldav-${name}`, value: form[name], onChange: (event: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [name]: event.target.value }), required: true });
  const found = discover.data;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        setResult(null);
        if (!found) discover.mutate({ serverUrl: form.serverUrl, username: form.username, password: form.password });
        else add.mutate({ spokespersonId, ...form, calendars: found.filter((calendar) => chosen.has(calendar.url)) });
      }}
    >
      <p className="meta">Use an app password (iCloud and Fastmail make one for you), not your main password.</p>
      <label htmlFor="caldav-label">Name</label>
      <input {...field('label')} maxLength={100} placeholder="Work" />
      <label htmlFor="caldav-serverUrl">Server address</label>
      <input {...field('serverUrl')} type="url" inputMode="url" placeholder="https://caldav.fastmail.com/" />
      <label htmlFor="caldav-username">User name</label>
      <input {...field('username')} autoComplete="off" />
      <label htmlFor="caldav-password">App password</label>
      <input {...field('password')} type="password" autoComplete="new-password" />
      {found && (
        <fieldset>
          <legend>Calendars to read</legend>
          {found.length === 0 && <p>This account has no event calendars.</p>}
          {found.map((calendar) => (
            <label key={calendar.url} className="calendar-choice">
              <input
                type="checkbox"
                checked={chosen.has(calendar.url)}
                onChange={(event) => {
                  const next = new Set(chosen);
                  if (event.target.checked) next.add(calendar.url);
                  else next.delete(calendar.url);
                  setChosen(next);
                }}
              />{' '}
              {calendar.name}
            </label>
          ))}
        </fieldset>
      )}
      <button type="submit" disabled={discover.isPending || add.isPending}>{found ? 'Save and sync' : discover.isPending ? 'Looking…' : 'Find calendars'}</button>
      <p role="status">{result}</p>
    </form>
  );
}
