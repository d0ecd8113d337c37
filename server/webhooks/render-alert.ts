// Desk alerts as the chat tools take them: Slack incoming webhooks
// ({ text, blocks }, Block Kit) and Microsoft Teams (an Adaptive Card in a
// "message", what Teams workflows' "When a Teams webhook request is received"
// and the older incoming-webhook connectors both accept). Pure functions.

export const alertTypes = ['request.new', 'request.deadline_soon', 'request.proposal_picked', 'delivery.dead'] as const;
export type AlertType = (typeof alertTypes)[number];

/** One alert, in words; no reporter's personal data (the desk opens the link for that). */
export interface DeskAlert {
  type: AlertType;
  title: string;
  text: string;
  facts: { label: string; value: string }[];
  link?: { label: string; url: string };
}

/** Slack's mrkdwn treats &, < and > as control characters. */
function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function renderSlackAlert(alert: DeskAlert) {
  const blocks: Record<string, unknown>[] = [
    { type: 'header', text: { type: 'plain_text', text: alert.title.slice(0, 150) } },
    {
      type: 'section',
      text: { type: 'mrkdwn', text: escapeSlack(alert.text) },
      // Slack allows ten fields per section.
      ...(alert.facts.length ? { fields: alert.facts.slice(0, 10).map((fact) => ({ type: 'mrkdwn', text: `*${escapeSlack(fact.label)}*\n${escapeSlack(fact.value)}` })) } : {}),
    },
  ];
  if (alert.link) blocks.push({ type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: alert.link.label }, url: alert.link.url }] });
  // `text` is the notification and the fallback for clients that show no blocks.
  return { text: `${alert.title}: ${alert.text}${alert.link ? ` ${alert.link.url}` : ''}`, blocks };
}

export function renderTeamsAlert(alert: DeskAlert) {
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body: [
            { type: 'TextBlock', text: alert.title, weight: 'Bolder', size: 'Medium', wrap: true },
            { type: 'TextBlock', text: alert.text, wrap: true },
            ...(alert.facts.length ? [{ type: 'FactSet', facts: alert.facts.map((fact) => ({ title: fact.label, value: fact.value })) }] : []),
          ],
          ...(alert.link ? { actions: [{ type: 'Action.OpenUrl', title: alert.link.label, url: alert.link.url }] } : {}),
        },
      },
    ],
  };
}
