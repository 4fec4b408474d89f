import { z } from 'zod';
import { caseIdSchema, idSchema } from '../schemas/text';
import type { CardVerb } from './verbs';

const caseId = caseIdSchema;
const definitionId = z.string().regex(/^[a-z0-9-]{1,60}$/, 'must be a meeting definition id');
const planVersion = z.coerce.number().int().positive();
const none = z.object({});

/**
 * What each verb's `data` must hold once Teams has merged the card's inputs into it. Objects
 * strip unknown keys, so an actor or role a tampered card sends back is dropped (Z1).
 */
export const actionDataSchemas = {
  refreshCase: z.object({ caseId }),
  openCase: z.object({ caseId }),
  openSignPlan: z.object({ caseId, planVersion }),
  signPlan: z.object({ caseId, planVersion, typedFullName: z.string().default('') }),
  openScheduleMeeting: z.object({ caseId, meetingDefinitionId: definitionId }),
  scheduleMeeting: z.object({
    caseId,
    meetingDefinitionId: definitionId,
    date: z.string().default(''),
    time: z.string().default(''),
    durationMinutes: z.coerce.number().int().default(60),
    attendees: z.string().default(''),
    online: z.enum(['true', 'false']).optional(),
  }),
  openReview: z.object({ caseId }),
  recordReview: z.looseObject({
    caseId,
    heldOn: z.string().default(''),
    notes: z.string().default(''),
  }),
  openRaiseConcern: z.object({ caseId: caseId.optional() }),
  submitConcern: z.object({
    caseId,
    category: z.string().default(''),
    description: z.string().default(''),
    seriousIncident: z.enum(['true', 'false']).default('false'),
  }),
  myCases: none,
  dueThisWeek: none,
  help: none,
  retryDelivery: z.object({
    caseId,
    effectId: z.string().regex(/^\d{10}-\d{3}$/, 'must be an effect id'),
  }),
  acknowledgeConcern: z.object({ caseId, concernId: idSchema }),
} satisfies Record<CardVerb, z.ZodType>;

/** The parsed data of one verb. */
export type ActionDataOf<V extends CardVerb> = z.infer<(typeof actionDataSchemas)[V]>;
