// Admin: webhook endpoints for integrators (a CRM, the website), each signed
// per Standard Webhooks, with its delivery log. The Slack/Teams desk alerts
// live in Settings.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { QueryResult, useTRPC } from '../../api/query';
import type { StaffUser } from '../staff-user';
import { DeliveryLog } from './delivery-log';
import { EndpointCard } from './endpoint-card';
import { EndpointForm } from './endpoint-form';
import { SecretNotice } from './secret-notice';
import './webhooks.css';

export function WebhooksPage(_props: { user: StaffUser }) {
  const trpc = useTRPC();
  // Counts of waiting and dead deliveries change as the worker delivers.
  const list = useQuery(trpc.webhooks.list.queryOptions(undefined, { refetchInterval: 10_000 }));
  const [secret, setSecret] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <>
      <h1>Webhooks</h1>
      <p className="lede">
        Other systems hear of requests and interviews as they change: each event is POSTed as JSON, signed (Standard Webhooks), retried with backoff until delivered, and kept
        here with the receiver’s answer. Payloads carry ids, statuses and times, never a reporter’s personal data.
      </p>
      {secret && <SecretNotice secret={secret} onDone={() => setSecret(null)} />}
      <QueryResult query={list} label="the endpoints">
        {(data) => (
          <>
            {data.endpoints.length === 0 ? (
              <p className="card">No endpoints yet.</p>
            ) : (
              <ul className="webhook-list">
                {data.endpoints.map((endpoint) => (
                  <EndpointCard key={endpoint.id} endpoint={endpoint} selected={selected === endpoint.id} onSelect={() => setSelected((current) => (current === endpoint.id ? null : endpoint.id))} onSecret={setSecret} />
                ))}
              </ul>
            )}
            {selected && data.endpoints.some((endpoint) => endpoint.id === selected) && <DeliveryLog endpointId={selected} label={data.endpoints.find((endpoint) => endpoint.id === selected)!.url} />}
            <EndpointForm
              eventTypes={data.eventTypes}
              onCreated={(created, endpointId) => {
                setSecret(created);
                setSelected(endpointId);
              }}
            />
            {data.allowPrivate && <p className="meta">Private and loopback addresses are allowed on this server (WEBHOOKS_ALLOW_PRIVATE).</p>}
          </>
        )}
      </QueryResult>
    </>
  );
}
