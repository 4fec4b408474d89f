/**
 * The request bodies the local Graph accepts, checked the way Graph checks them: unknown
 * properties, missing required ones and wrong types are refused. Each schema is tied to the
 * documented type in @microsoft/microsoft-graph-types, so a field Graph does not have cannot be
 * added here by mistake.
 */
import type * as Graph from '@microsoft/microsoft-graph-types';
import { z } from 'zod';

type Assignable<T, U> = T extends U ? true : never;

const dateTimeTimeZone = z.strictObject({
  dateTime: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/, 'dateTime'),
  timeZone: z.string().min(1),
});

const emailAddress = z.strictObject({
  address: z.email(),
  name: z.string().max(255).optional(),
});

const itemBody = z.strictObject({
  contentType: z.enum(['text', 'html']),
  content: z.string().max(100_000),
});

const attendee = z.strictObject({
  emailAddress,
  type: z.enum(['required', 'optional', 'resource']),
});

const eventFields = {
  subject: z.string().max(255),
  body: itemBody,
  start: dateTimeTimeZone,
  end: dateTimeTimeZone,
  attendees: z.array(attendee).max(500),
  isOnlineMeeting: z.boolean(),
  onlineMeetingProvider: z.enum(['teamsForBusiness', 'skypeForBusiness', 'skypeForConsumer']),
  isReminderOn: z.boolean(),
  reminderMinutesBeforeStart: z.number().int().min(0).max(40_320),
  isAllDay: z.boolean(),
  allowNewTimeProposals: z.boolean(),
  showAs: z.enum(['free', 'tentative', 'busy', 'oof', 'workingElsewhere']),
  transactionId: z.string().min(1).max(255),
};

/** `POST /users/{id}/events`: subject, start and end are required. */
export const eventCreateSchema = z.strictObject({
  ...eventFields,
  body: itemBody.optional(),
  attendees: eventFields.attendees.optional(),
  isOnlineMeeting: eventFields.isOnlineMeeting.optional(),
  onlineMeetingProvider: eventFields.onlineMeetingProvider.optional(),
  isReminderOn: eventFields.isReminderOn.optional(),
  reminderMinutesBeforeStart: eventFields.reminderMinutesBeforeStart.optional(),
  isAllDay: eventFields.isAllDay.optional(),
  allowNewTimeProposals: eventFields.allowNewTimeProposals.optional(),
  showAs: eventFields.showAs.optional(),
  transactionId: eventFields.transactionId.optional(),
});
export type EventCreate = z.infer<typeof eventCreateSchema>;
export const eventCreateIsGraph: Assignable<EventCreate, Graph.Event> = true;

/** `PATCH /users/{id}/events/{id}`: any of the writable fields. */
export const eventPatchSchema = z
  .strictObject({
    subject: eventFields.subject,
    body: itemBody,
    start: dateTimeTimeZone,
    end: dateTimeTimeZone,
    attendees: eventFields.attendees,
    isReminderOn: eventFields.isReminderOn,
    reminderMinutesBeforeStart: eventFields.reminderMinutesBeforeStart,
    isAllDay: eventFields.isAllDay,
    showAs: eventFields.showAs,
  })
  .partial();
export type EventPatch = z.infer<typeof eventPatchSchema>;
export const eventPatchIsGraph: Assignable<EventPatch, Graph.Event> = true;

/** `POST /users/{id}/events/{id}/cancel`. */
export const cancelSchema = z.strictObject({ comment: z.string().max(4_000).optional() });

/** `POST /users/{id}/teamwork/sendActivityNotification`. */
export const activityNotificationSchema = z
  .strictObject({
    topic: z.strictObject({
      source: z.enum(['entityUrl', 'text']),
      value: z.string().min(1),
      webUrl: z.url().optional(),
    }),
    activityType: z.string().min(1),
    chainId: z.number().int().optional(),
    previewText: z.strictObject({ content: z.string().max(150) }),
    templateParameters: z.array(z.strictObject({ name: z.string(), value: z.string() })).optional(),
    teamsAppId: z.string().optional(),
  })
  .refine((b) => b.topic.source !== 'text' || b.topic.webUrl !== undefined, {
    message: 'topic.webUrl is required when topic.source is text',
    path: ['topic', 'webUrl'],
  });
export type ActivityNotification = z.infer<typeof activityNotificationSchema>;
export const activityIsGraph: Assignable<
  ActivityNotification['topic'],
  Graph.TeamworkActivityTopic
> = true;

/** `POST /users/{id}/sendMail`. */
export const sendMailSchema = z.strictObject({
  message: z.strictObject({
    subject: z.string().max(255),
    body: itemBody,
    toRecipients: z.array(z.strictObject({ emailAddress })).min(1).max(500),
  }),
  saveToSentItems: z.boolean().optional(),
});
export type SendMail = z.infer<typeof sendMailSchema>;
export const sendMailIsGraph: Assignable<SendMail['message'], Graph.Message> = true;

/** `POST /$batch`: at most 20 requests (json-batching.md). */
export const batchSchema = z.strictObject({
  requests: z
    .array(
      z.strictObject({
        id: z.string().min(1),
        method: z.enum(['GET', 'POST', 'PATCH', 'PUT', 'DELETE']),
        url: z.string().startsWith('/'),
        headers: z.record(z.string(), z.string()).optional(),
        body: z.unknown().optional(),
        dependsOn: z.array(z.string()).optional(),
      }),
    )
    .min(1)
    .max(20, 'A batch holds at most 20 requests'),
});
