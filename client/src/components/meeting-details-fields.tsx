// The meeting details the desk sets for an interview, by format: the video
// link (or "to follow"), the number to dial, the WhatsApp number, the studio
// or street address. Used when approving and when editing them later.
import { useId } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTRPC } from '../api/query';
import { errorMessage } from '../api/trpc';
import type { MeetingDetails } from './meeting-details';

export { compactDetails, describeDetails, linkToFollow, type MeetingDetails } from './meeting-details';

type Field = { key: keyof MeetingDetails; label: string; hint: string; type: 'url' | 'text' | 'tel' | 'textarea' };

/** What each format needs; written interviews need nothing. */
export function fieldsFor(format: string, reporterPhone: string | null): Field[] {
  switch (format) {
    case 'video':
      return [{ key: 'videoUrl', label: 'Video link', hint: 'An https:// meeting link. Leave it empty to send it later: the invite then says “link to follow from the press office”.', type: 'url' }];
    case 'phone':
      return [{ key: 'dialIn', label: 'Number the reporter calls', hint: reporterPhone ? `Leave it empty and the spokesperson calls the reporter on ${reporterPhone}.` : 'Leave it empty and the invite says the press office will confirm the number.', type: 'tel' }];
    case 'whatsapp':
      return [{ key: 'whatsapp', label: 'WhatsApp number the reporter calls', hint: 'Leave it empty and the spokesperson calls the reporter’s WhatsApp.', type: 'tel' }];
    case 'studio':
      return [{ key: 'studioAddress', label: 'Studio address', hint: 'Leave it empty and the invite says the address is to follow.', type: 'textarea' }];
    case 'in_person':
      return [{ key: 'address', label: 'Street address', hint: 'Leave it empty and the invite says the address is to follow.', type: 'textarea' }];
    default:
      return [];
  }
}

export function MeetingDetailsFields({ format, reporterPhone, value, onChange, errors = {} }: { format: string; reporterPhone: string | null; value: MeetingDetails; onChange: (next: MeetingDetails) => void; errors?: Record<string, string[]> }) {
  const id = useId();
  const fields = fieldsFor(format, reporterPhone);
  if (fields.length === 0) return <p className="meta">A written interview needs no meeting details: questions and answers go by email.</p>;
  return (
    <>
      {fields.map((field) => {
        const error = errors[`formatDetails.${field.key}`]?.join(' ') ?? errors[field.key]?.join(' ');
        const props = {
          id: `${id}-${field.key}`,
          value: value[field.key] ?? '',
          'aria-describedby': `${id}-${field.key}-hint${error ? ` ${id}-${field.key}-error` : ''}`,
          'aria-invalid': error ? true : undefined,
        };
        return (
          <div key={field.key} className="meeting-field">
            <label htmlFor={props.id}>{field.label}</label>
            <p id={`${id}-${field.key}-hint`} className="meta">
              {field.hint}
            </p>
            {field.type === 'textarea' ? (
              <textarea {...props} rows={2} onChange={(event) => onChange({ ...value, [field.key]: event.target.value })} />
            ) : (
              <input {...props} type={field.type} inputMode={field.type === 'tel' ? 'tel' : undefined} autoComplete="off" onChange={(event) => onChange({ ...value, [field.key]: event.target.value })} />
            )}
            {error && (
              <span id={`${id}-${field.key}-error`} className="field-error">
                {error}
              </span>
            )}
            {field.key === 'videoUrl' && <VideoRoomButton onRoom={(url) => onChange({ ...value, videoUrl: url })} />}
          </div>
        );
      })}
    </>
  );
}

/** "Make a room link" on the office's video server, shown only when one is configured (VIDEO_ROOM_BASE_URL). */
function VideoRoomButton({ onRoom }: { onRoom: (url: string) => void }) {
  const trpc = useTRPC();
  const options = useQuery(trpc.desk.meetingOptions.queryOptions(undefined, { staleTime: Infinity }));
  const create = useMutation(trpc.desk.createVideoRoom.mutationOptions({ onSuccess: (room) => onRoom(room.url) }));
  if (!options.data?.videoRooms) return null;
  return (
    <>
      <button type="button" className="secondary" disabled={create.isPending} onClick={() => create.mutate()}>
        Make a room link on our video server
      </button>
      {create.isError && (
        <span role="alert" className="field-error">
          {errorMessage(create.error)}
        </span>
      )}
    </>
  );
}
