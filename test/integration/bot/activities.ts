import { randomUUID } from 'node:crypto';
import { demoPersonas } from '../../../functions/src/local/demo-personas';

/** Where an activity comes from. */
export interface From {
  readonly persona: string;
  readonly conversationType?: 'personal' | 'groupChat' | 'channel';
  readonly conversationId?: string;
}

function person(id: string) {
  const p = demoPersonas.find((x) => x.id === id);
  if (p === undefined) throw new Error(`no persona ${id}`);
  return p;
}

/** The Teams user id (MRI) we give a persona. */
export const mri = (persona: string) => `29:${persona}`;

function base(from: From, serviceUrl: string) {
  const p = person(from.persona);
  const type = from.conversationType ?? 'personal';
  return {
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    locale: 'en-GB',
    from: { id: mri(p.id), name: p.name, aadObjectId: p.oid },
    recipient: { id: '28:support-plans-bot', name: 'Support plans' },
    conversation: {
      id: from.conversationId ?? `${type}:${p.id}`,
      conversationType: type,
      tenantId: p.tid,
    },
    channelData: { tenant: { id: p.tid } },
  };
}

/** A chat message typed by a persona. */
export function message(text: string, from: From, serviceUrl: string) {
  return { ...base(from, serviceUrl), type: 'message', text };
}

/** An `adaptiveCard/action` invoke: a click on an Action.Execute with this verb and data. */
export function cardAction(
  data: Record<string, unknown>,
  from: From,
  serviceUrl: string,
  replyToId = 'card-message-1',
) {
  const verb = String(data.verb);
  return {
    ...base(from, serviceUrl),
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId,
    value: { action: { type: 'Action.Execute', id: 'a1', verb, data }, trigger: 'manual' },
  };
}

/** A message-extension invoke (`composeExtension/fetchTask` or `composeExtension/submitAction`). */
export function messageExtension(
  name: 'composeExtension/fetchTask' | 'composeExtension/submitAction',
  value: Record<string, unknown>,
  from: From,
  serviceUrl: string,
) {
  return {
    ...base(from, serviceUrl),
    type: 'invoke',
    name,
    value: { commandId: 'raiseConcern', commandContext: 'message', ...value },
  };
}
