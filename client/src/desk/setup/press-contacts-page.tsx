import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../../../server/routers/_app';
import { QueryResult, useTRPC } from '../../api/query';
import { zoneAbbreviation } from '../../components/zone-abbreviation';
import { formatDate, formatLocalTimeNow, zoneCity } from '../../time';
import type { StaffUser } from '../staff-user';
import { PressContactForm, visibilityNames } from './press-contact-form';
import './setup.css';

export type PressContact = inferRouterOutputs<AppRouter>['pressContacts']['list'][number];

/** "Zurich time (CET on Wednesday 2 December 2026)": the abbreviation is computed for that date, never stored. */
export function workingZoneText(timeZone: string, date = new Date()): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
  return `${zoneCity(timeZone)} time (${timeZone}; ${zoneAbbreviation(timeZone, date)} on ${formatDate(day)})`;
}

/** Press officers: the office's own people, shown on releases and in invites, channel by channel. */
export function PressContactsPage({ user }: { user: StaffUser }) {
  const trpc = useTRPC();
  const contacts = useQuery(trpc.pressContacts.list.queryOptions());
  const [editing, setEditing] = useState<string | null>(null);
  const canEdit = user.role !== 'spokesperson';
  return (
    <>
      <h1>Press contacts</h1>
      <p className="meta">
        Each channel has a visibility: <strong>public</strong> (release pages, the home page and the emails reporters get about their requests), <strong>confirmed</strong> (also in what confirmed interviewees receive: invites and reminders) or <strong>internal</strong> (staff only). Where an email may not show the address, it gives the office’s sending address instead.
      </p>
      {canEdit && (editing === 'new' ? <PressContactForm onDone={() => setEditing(null)} /> : <button type="button" onClick={() => setEditing('new')}>Add a press contact</button>)}
      <QueryResult query={contacts} label="the press contacts">
        {(list) =>
          list.length === 0 ? (
            <p>No press contacts yet.</p>
          ) : (
            <ul className="setup-list" aria-label="Press contacts">
              {list.map((contact) =>
                editing === contact.id ? (
                  <li key={contact.id}>
                    <PressContactForm contact={contact} onDone={() => setEditing(null)} />
                  </li>
                ) : (
                  <li key={contact.id} className="card">
                    <h2>{contact.name}</h2>
                    <p className="title">{contact.title}</p>
                    <ChannelLine label="Email" value={contact.email} visibility={contact.visibility.email} />
                    <ChannelLine label="Phone" value={contact.phone} visibility={contact.visibility.phone} />
                    <ChannelLine label="WhatsApp" value={contact.whatsapp} visibility={contact.visibility.whatsapp} />
                    <p>
                      <span className="label">Works in:</span> {contact.timeZone ? `${workingZoneText(contact.timeZone)}, now ${formatLocalTimeNow(contact.timeZone)}` : 'no zone given'}
                    </p>
                    {canEdit && (
                      <button type="button" className="secondary" onClick={() => setEditing(contact.id)}>
                        Edit<span className="visually-hidden"> {contact.name}</span>
                      </button>
                    )}
                  </li>
                ),
              )}
            </ul>
          )
        }
      </QueryResult>
    </>
  );
}

function ChannelLine({ label, value, visibility }: { label: string; value: string | null; visibility: string }) {
  if (!value) return null;
  return (
    <p>
      <span className="label">{label}:</span> {value} <span className="status-tag">{visibilityNames[visibility] ?? visibility}</span>
    </p>
  );
}
