import type { Mailbox } from './mailboxes';

const escape = (text: string | number | boolean | null | undefined): string =>
  String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function calendar(box: Mailbox): string {
  if (box.calendar.length === 0) return '<p><em>No events.</em></p>';
  const rows = box.calendar.map(({ event, role, messages }) => {
    const join = event.onlineMeeting?.joinUrl;
    return `<li>${event.isCancelled === true ? '<s>' : ''}${escape(event.subject)} — ${escape(event.start?.dateTime)} (${escape(event.start?.timeZone)})${event.isCancelled === true ? '</s> cancelled' : ''} [${role}]${join ? ` <a href="${escape(join)}">join link</a>` : ''}${messages.length > 0 ? ` <small>${escape(messages.join('; '))}</small>` : ''}</li>`;
  });
  return `<ul>${rows.join('')}</ul>`;
}

function list(items: readonly string[], empty: string): string {
  return items.length === 0
    ? `<p><em>${empty}</em></p>`
    : `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`;
}

/** A page listing each person's calendar, activity feed and mail: what would have been sent. */
export function mailboxPage(boxes: readonly Mailbox[]): string {
  const sections = boxes.map((box) => {
    const feed = box.feed.map(
      (n) =>
        `${escape(n.activityType)}: ${escape(n.previewText.content)} <small>${escape(n.receivedAt)}</small>`,
    );
    const inbox = box.inbox.map(
      (m) => `${escape(m.subject)} from ${escape(m.from)} <small>${escape(m.receivedAt)}</small>`,
    );
    const sent = box.sent.map(
      (m) =>
        `${escape(m.subject)} to ${escape(m.toRecipients.map((r) => r.emailAddress.address).join(', '))}`,
    );
    return `<section><h2>${escape(box.user.displayName)} <small>${escape(box.user.mail)}</small></h2>
<h3>Calendar</h3>${calendar(box)}
<h3>Teams activity feed</h3>${list(feed, 'Nothing in the feed.')}
<h3>Mail received</h3>${list(inbox, 'No mail.')}
<h3>Mail sent</h3>${list(sent, 'No mail sent.')}</section>`;
  });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Local Graph: mailboxes</title>
<meta http-equiv="refresh" content="10"></head><body><h1>Local Microsoft Graph: what would have been sent</h1>${sections.join('\n')}</body></html>`;
}
