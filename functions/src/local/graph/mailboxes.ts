/**
 * What the local Graph keeps per person: their calendar, their Teams activity feed and the mail
 * sent from their mailbox. In memory: this stands in for Microsoft's cloud, not for our store.
 */
import { randomUUID } from 'node:crypto';
import type * as Graph from '@microsoft/microsoft-graph-types';
import type { ActivityNotification, EventCreate, EventPatch, SendMail } from './graph-schemas';

/** A person the local Graph knows. */
export interface GraphUser {
  readonly id: string;
  readonly tenantId: string;
  readonly displayName: string;
  readonly mail: string;
  /** Whether our Teams app is installed for them (activity notifications need it). */
  readonly appInstalled: boolean;
}

/** One calendar entry: the organiser's event or an attendee's copy of it. */
export interface CalendarEntry {
  readonly event: Graph.Event & { id: string };
  readonly role: 'organizer' | 'attendee';
  /** Cancellations and updates received, newest last. */
  readonly messages: string[];
}

/** One person's mailbox. */
export interface Mailbox {
  readonly user: GraphUser;
  readonly calendar: CalendarEntry[];
  readonly feed: (ActivityNotification & { receivedAt: string })[];
  readonly sent: (SendMail['message'] & { sentAt: string })[];
  readonly inbox: (SendMail['message'] & { from: string; receivedAt: string })[];
}

/** Every mailbox, found by object id or by address (case-insensitive, as Graph does). */
export class Mailboxes {
  private readonly boxes: Mailbox[] = [];

  constructor(users: readonly GraphUser[]) {
    for (const user of users) this.add(user);
  }

  add(user: GraphUser): void {
    this.boxes.push({ user, calendar: [], feed: [], sent: [], inbox: [] });
  }

  all(): readonly Mailbox[] {
    return this.boxes;
  }

  find(idOrMail: string): Mailbox | undefined {
    const key = idOrMail.toLowerCase();
    return this.boxes.find(
      (b) => b.user.id.toLowerCase() === key || b.user.mail.toLowerCase() === key,
    );
  }

  /** Creates (or, for a repeated transactionId, returns) the organiser's event and copies it to attendees. */
  createEvent(organizer: Mailbox, body: EventCreate, baseUrl: string): CalendarEntry['event'] {
    const earlier = organizer.calendar.find(
      (e) => body.transactionId !== undefined && e.event.transactionId === body.transactionId,
    );
    if (earlier !== undefined) return earlier.event;
    const id = `AAMk${randomUUID().replace(/-/g, '')}`;
    const now = new Date().toISOString();
    const online = body.isOnlineMeeting === true;
    const event: CalendarEntry['event'] = {
      id,
      iCalUId: `040000008200E00074C5B7101A82E008${id.slice(4, 36)}`,
      createdDateTime: now,
      lastModifiedDateTime: now,
      ...body,
      isCancelled: false,
      organizer: {
        emailAddress: { address: organizer.user.mail, name: organizer.user.displayName },
      },
      attendees: (body.attendees ?? []).map((a) => ({
        ...a,
        status: { response: 'none', time: '0001-01-01T00:00:00Z' },
      })),
      onlineMeeting: online
        ? {
            joinUrl: `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${id.slice(4, 24)}%40thread.v2/0`,
          }
        : null,
      webLink: `${baseUrl}/#calendar/${id}`,
    };
    organizer.calendar.push({ event, role: 'organizer', messages: [] });
    for (const a of body.attendees ?? []) {
      this.find(a.emailAddress.address)?.calendar.push({
        event: { ...event },
        role: 'attendee',
        messages: [`Invitation from ${organizer.user.displayName}`],
      });
    }
    return event;
  }

  private copies(eventId: string): CalendarEntry[] {
    return this.boxes.flatMap((b) => b.calendar.filter((e) => e.event.id === eventId));
  }

  updateEvent(entry: CalendarEntry, patch: EventPatch): CalendarEntry['event'] {
    const lastModifiedDateTime = new Date().toISOString();
    for (const copy of this.copies(entry.event.id)) {
      Object.assign(copy.event, patch, { lastModifiedDateTime });
      if (copy.role === 'attendee') copy.messages.push('Updated');
    }
    return entry.event;
  }

  cancelEvent(entry: CalendarEntry, comment: string | undefined): void {
    for (const copy of this.copies(entry.event.id)) {
      copy.event.isCancelled = true;
      if (copy.role === 'attendee') copy.messages.push(`Canceled${comment ? `: ${comment}` : ''}`);
    }
  }

  deliverMail(from: Mailbox, body: SendMail): void {
    const sentAt = new Date().toISOString();
    from.sent.push({ ...body.message, sentAt });
    for (const to of body.message.toRecipients) {
      this.find(to.emailAddress.address)?.inbox.push({
        ...body.message,
        from: from.user.mail,
        receivedAt: sentAt,
      });
    }
  }
}
