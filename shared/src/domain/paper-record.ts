import { z } from 'zod';
import { civilDateSchema, idSchema, safeText, textLimits } from '../schemas/text';

/**
 * "Recorded from paper" (issue 11 item 8): a provider adopting the product mid-year enters what
 * already happened on its paper ISP records (ME-06, BF-21). Each command that can carry one takes
 * an optional `recordedFromPaper`; its events carry `fromPaper` (who entered it, and when).
 */

/** A stage that started on an earlier date. */
export const paperStageSchema = z.strictObject({ startedOn: civilDateSchema });

/** A meeting that was held in the past (its `start` is the real time), with its notes. */
export const paperMeetingSchema = z.strictObject({
  notes: safeText(textLimits.long),
});

/** A signature given on the paper plan, entered for the participant who signed it. */
export const paperSignatureSchema = z.strictObject({
  participantId: idSchema,
  signedOn: civilDateSchema,
});

/** An observation or review held in the past: its own date (`date` / `heldOn`) is the real one. */
export const paperEntrySchema = z.strictObject({});

/** Who entered a paper record into the product, and when (an ISO instant). */
export interface FromPaper {
  readonly enteredBy: string;
  readonly enteredAt: string;
}
