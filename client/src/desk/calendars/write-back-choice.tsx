// "Show confirmed interviews in": which of a CalDAV connection's calendars the
// desk writes confirmed interviews into (server/calendars/write-back.ts), or
// none. Saved as soon as it is chosen.
import { useId } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../api/query';
import { errorMessage } from '../../api/trpc';

export function WriteBackChoice({ connection, onResult }: { connection: { id: string; label: string; calendars: { name: string; writeBack: boolean }[] }; onResult: (message: string) => void }) {
  const id = useId();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const save = useMutation(
    trpc.calendars.setWriteCalendar.mutationOptions({
      onSuccess: (answer) => {
        const chosen = answer.calendars.find((calendar) => calendar.writeBack);
        onResult(chosen ? `${answer.label}: confirmed interviews will show in ${chosen.name}.` : `${answer.label}: confirmed interviews are no longer written into this account.`);
      },
      onError: (error) => onResult(errorMessage(error)),
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.calendars.pathKey() }),
    }),
  );
  const current = connection.calendars.findIndex((calendar) => calendar.writeBack);
  return (
    <p>
      <label htmlFor={`${id}-write`}>Show confirmed interviews in ({connection.label})</label>
      <select id={`${id}-write`} value={String(current)} disabled={save.isPending} onChange={(event) => save.mutate({ connectionId: connection.id, calendarIndex: event.target.value === '-1' ? null : Number(event.target.value) })}>
        <option value="-1">No calendar (the email invite only)</option>
        {connection.calendars.map((calendar, index) => (
          <option key={index} value={String(index)}>{calendar.name}</option>
        ))}
      </select>
    </p>
  );
}
