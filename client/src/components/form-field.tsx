// Labelled form fields that show the server's message for their input beside
// them (tRPC's flattened zod errors, keyed by field path), tied with
// aria-describedby/aria-invalid so screen readers read the message too.
import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { TRPCClientError } from '@trpc/client';

export type FieldErrors = Record<string, string[] | undefined>;

/** A failed call, read for a form: the message and the messages per field. */
export interface FormProblem {
  message: string;
  fieldErrors: FieldErrors;
}

export function readFormProblem(error: unknown): FormProblem {
  if (error instanceof TRPCClientError) {
    const data = (error.data ?? {}) as { fieldErrors?: FieldErrors; appCode?: string };
    const fields = data.fieldErrors ?? {};
    const message = data.appCode === 'VALIDATION_FAILED' && Object.keys(fields).length > 0 ? 'Nothing was saved: correct the marked fields.' : error.message;
    return { message, fieldErrors: fields };
  }
  return { message: error instanceof Error ? error.message : 'Something went wrong.', fieldErrors: {} };
}

function describedBy(...ids: (string | false | undefined)[]) {
  const list = ids.filter(Boolean).join(' ');
  return list || undefined;
}

interface FieldFrame {
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
}

function useFrame({ hint, errors }: FieldFrame) {
  const id = useId();
  const invalid = (errors?.length ?? 0) > 0;
  return {
    id,
    invalid,
    control: { id, 'aria-invalid': invalid || undefined, 'aria-describedby': describedBy(hint !== undefined && `${id}-hint`, invalid && `${id}-error`) },
    after: (
      <>
        {hint !== undefined && <span id={`${id}-hint`} className="meta hint">{hint}</span>}
        {invalid && <span id={`${id}-error`} className="field-error">{errors!.join(' ')}</span>}
      </>
    ),
  };
}

export function TextField({ label, hint, errors, ...input }: FieldFrame & InputHTMLAttributes<HTMLInputElement>) {
  const frame = useFrame({ label, hint, errors });
  return (
    <div className="form-field">
      <label htmlFor={frame.id}>{label}</label>
      <input {...input} {...frame.control} />
      {frame.after}
    </div>
  );
}

export function TextAreaField({ label, hint, errors, ...input }: FieldFrame & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const frame = useFrame({ label, hint, errors });
  return (
    <div className="form-field">
      <label htmlFor={frame.id}>{label}</label>
      <textarea {...input} {...frame.control} />
      {frame.after}
    </div>
  );
}

export function SelectField({ label, hint, errors, children, ...input }: FieldFrame & SelectHTMLAttributes<HTMLSelectElement>) {
  const frame = useFrame({ label, hint, errors });
  return (
    <div className="form-field">
      <label htmlFor={frame.id}>{label}</label>
      <select {...input} {...frame.control}>
        {children}
      </select>
      {frame.after}
    </div>
  );
}

/** The form-level message after a failed save (role="alert"), or the success status (role="status"). */
export function FormStatus({ problem, status }: { problem: FormProblem | null; status?: string }) {
  return (
    <>
      {problem && <p role="alert" className="form-error">{problem.message}</p>}
      <p role="status" className="save-status">{status ?? ''}</p>
    </>
  );
}
