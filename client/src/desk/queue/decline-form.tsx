// Decline with a reason the reporter reads; the server's message shows beside the field.
import { useEffect, useId, useRef, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '../../api/query';
import { errorMessage } from '../../api/trpc';
import { fieldErrorsOf } from './queue-format';
import type { Act, QueueRequest } from './queue-types';

export function DeclineForm({ request, act, onClose }: { request: QueueRequest; act: Act; onClose: () => void }) {
  const id = useId();
  const trpc = useTRPC();
  const decline = useMutation(trpc.desk.requests.decline.mutationOptions());
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => field.current?.focus(), []);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (decline.isPending) return;
    setFieldError(null);
    setFormError(null);
    const failure = await act(request, `Decline ${request.reference}`, () => decline.mutateAsync({ requestId: request.id, reason }), () => 'The reporter gets the reason by email.');
    if (!failure) return;
    const fields = fieldErrorsOf(failure.error);
    if (fields.reason) {
      setFieldError(fields.reason.join(' '));
      field.current?.focus();
    } else {
      setFormError(errorMessage(failure.error));
    }
  }

  const describedBy = [`${id}-hint`, fieldError ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <form onSubmit={submit} noValidate aria-label={`Decline ${request.reference}`}>
      {formError && (
        <p role="alert" className="form-error">
          {formError}
        </p>
      )}
      <label htmlFor={`${id}-reason`}>Reason for the reporter</label>
      <p id={`${id}-hint`} className="meta">
        Sent to {request.reporter.name} by email.
      </p>
      <textarea id={`${id}-reason`} ref={field} rows={3} value={reason} onChange={(event) => setReason(event.target.value)} aria-invalid={fieldError ? true : undefined} aria-describedby={describedBy} />
      {fieldError && (
        <span id={`${id}-error`} className="field-error">
          {fieldError}
        </span>
      )}
      <div className="actions">
        <button type="submit" disabled={decline.isPending}>
          Send the decline
        </button>{' '}
        <button type="button" className="secondary" onClick={onClose}>
          Close
        </button>
      </div>
    </form>
  );
}
