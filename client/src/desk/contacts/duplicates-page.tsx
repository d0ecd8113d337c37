// /desk/contacts/duplicates: contacts that are probably one person, flagged
// by the server (same phone, or same name at the same outlet), never merged
// without a press officer choosing.
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../api/query';
import { QueryResult } from '../../api/query';
import { usePageTitle } from '../../components/page-title';
import { onLinkClick } from '../../router';
import { duplicateReasons } from './contact-format';
import { contactPath, listUrl, mergePath } from './contact-types';

export function DuplicatesPage() {
  const trpc = useTRPC();
  const groups = useQuery(trpc.contacts.duplicates.queryOptions({}));
  usePageTitle('Likely duplicates', 1);
  return (
    <>
      <p className="contact-back">
        <a href={listUrl()} onClick={onLinkClick}>← All media contacts</a>
      </p>
      <h1>Likely duplicates</h1>
      <p className="meta">Contacts with the same phone number, or the same name at the same outlet. Compare two side by side and choose, field by field, what the merged contact keeps.</p>
      <QueryResult query={groups} label="likely duplicates">
        {(data) =>
          data.length === 0 ? (
            <p className="card">No likely duplicates.</p>
          ) : (
            <ul className="duplicate-groups">
              {data.map((group) => {
                const [first, ...others] = group.contacts;
                return (
                  <li key={`${group.reason}-${group.contacts.map((contact) => contact.id).join('-')}`} className="card">
                    <h2>
                      {group.contacts.length} contacts with the {duplicateReasons[group.reason] ?? group.reason}
                    </h2>
                    <ul className="plain-list">
                      {group.contacts.map((contact) => (
                        <li key={contact.id}>
                          <a href={contactPath(contact.id)} onClick={onLinkClick}>{contact.name}</a>
                          {contact.outlet && <>, {contact.outlet.name}</>}
                          {contact.emails[0] && <span className="meta">, {contact.emails[0]}</span>}
                        </li>
                      ))}
                    </ul>
                    {first &&
                      others.map((other) => (
                        <a key={other.id} className="button" href={mergePath(first.id, other.id)} onClick={onLinkClick}>
                          Compare {first.name} and {other.name}
                        </a>
                      ))}
                  </li>
                );
              })}
            </ul>
          )
        }
      </QueryResult>
    </>
  );
}
