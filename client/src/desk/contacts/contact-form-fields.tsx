// Fields of the contact form, each with its server error beside it (linked
// by aria-describedby, so a screen reader reads the error with the field).
import type { ReactNode } from 'react';
import { phoneKindNames } from './contact-format';
import { phoneKinds, type Draft, type PhoneKind } from './contact-draft';

export type Errors = Record<string, string[]>;

export function FieldError({ id, messages }: { id: string; messages: string[] | undefined }) {
  if (!messages?.length) return null;
  return (
    <span id={id} className="field-error">
      {messages.join(' ')}
    </span>
  );
}

/** aria attributes for an input whose errors are under `key`. */
export function invalidProps(errors: Errors, key: string, errorId: string, hintId?: string) {
  const invalid = Boolean(errors[key]?.length);
  return { 'aria-invalid': invalid || undefined, 'aria-describedby': [invalid ? errorId : undefined, hintId].filter(Boolean).join(' ') || undefined };
}

export function TextField({ id, label, value, onChange, errors, errorKey, hint, type = 'text', ...rest }: { id: string; label: string; value: string; onChange: (value: string) => void; errors: Errors; errorKey: string; hint?: ReactNode; type?: string; list?: string; maxLength?: number; autoComplete?: string }) {
  return (
    <div className="form-field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type={type} value={value} onChange={(event) => onChange(event.target.value)} {...invalidProps(errors, errorKey, `${id}-error`, hint ? `${id}-hint` : undefined)} {...rest} />
      {hint && <span id={`${id}-hint`} className="meta hint">{hint}</span>}
      <FieldError id={`${id}-error`} messages={errors[errorKey]} />
    </div>
  );
}

export function EmailRows({ id, draft, set, errors }: { id: string; draft: Draft; set: (changes: Partial<Draft>) => void; errors: Errors }) {
  const change = (index: number, value: string) => set({ emails: draft.emails.map((email, at) => (at === index ? value : email)) });
  return (
    <fieldset className="row-list">
      <legend>Email addresses</legend>
      <p className="meta hint">The first is the primary address.</p>
      {draft.emails.map((email, index) => (
        <div key={index} className="row-list-item">
          <label htmlFor={`${id}-email-${index}`}>{index === 0 ? 'Email' : `Email ${index + 1}`}</label>
          <input id={`${id}-email-${index}`} type="email" value={email} autoComplete="off" onChange={(event) => change(index, event.target.value)} {...invalidProps(errors, `emails.${index}`, `${id}-email-${index}-error`)} />
          <FieldError id={`${id}-email-${index}-error`} messages={errors[`emails.${index}`]} />
          {draft.emails.length > 1 && (
            <button type="button" className="quiet" onClick={() => set({ emails: draft.emails.filter((_, at) => at !== index) })}>Remove {email || `email ${index + 1}`}</button>
          )}
        </div>
      ))}
      <FieldError id={`${id}-emails-error`} messages={errors.emails} />
      <button type="button" className="quiet" onClick={() => set({ emails: [...draft.emails, ''] })}>Add an email address</button>
    </fieldset>
  );
}

export function PhoneRows({ id, draft, set, errors }: { id: string; draft: Draft; set: (changes: Partial<Draft>) => void; errors: Errors }) {
  const change = (index: number, changes: Partial<Draft['phones'][number]>) => set({ phones: draft.phones.map((phone, at) => (at === index ? { ...phone, ...changes } : phone)) });
  return (
    <fieldset className="row-list">
      <legend>Phone numbers</legend>
      <p id={`${id}-phone-hint`} className="meta hint">With the country code, e.g. +41 78 000 00 00; stored as +41780000000. The first is the primary number.</p>
      {draft.phones.map((phone, index) => (
        <div key={index} className="row-list-item phone-row">
          <div>
            <label htmlFor={`${id}-phone-${index}`}>{index === 0 ? 'Phone' : `Phone ${index + 1}`}</label>
            <input id={`${id}-phone-${index}`} type="tel" value={phone.number} autoComplete="off" onChange={(event) => change(index, { number: event.target.value })} {...invalidProps(errors, `phones.${index}.number`, `${id}-phone-${index}-error`, `${id}-phone-hint`)} />
            <FieldError id={`${id}-phone-${index}-error`} messages={errors[`phones.${index}.number`]} />
          </div>
          <div>
            <label htmlFor={`${id}-phone-kind-${index}`}>{index === 0 ? 'Kind' : `Kind of phone ${index + 1}`}</label>
            <select id={`${id}-phone-kind-${index}`} value={phone.kind} onChange={(event) => change(index, { kind: event.target.value as PhoneKind })}>
              {phoneKinds.map((kind) => (
                <option key={kind} value={kind}>{phoneKindNames[kind]}</option>
              ))}
            </select>
          </div>
          {draft.phones.length > 1 && (
            <button type="button" className="quiet" onClick={() => set({ phones: draft.phones.filter((_, at) => at !== index) })}>Remove {phone.number || `phone ${index + 1}`}</button>
          )}
        </div>
      ))}
      <button type="button" className="quiet" onClick={() => set({ phones: [...draft.phones, { number: '', kind: 'cell' }] })}>Add a phone number</button>
    </fieldset>
  );
}
