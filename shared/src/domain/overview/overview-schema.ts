import { z } from 'zod';

const dayStats = z.strictObject({
  runs: z.number().int().min(0),
  medianDays: z.number().nullable(),
  meanDays: z.number().nullable(),
});

/** The provider overview as the API sends it (`GET /api/providers/{providerId}/overview`). */
export const providerOverviewSchema = z.strictObject({
  providerId: z.string(),
  providerName: z.string(),
  asOf: z.string(),
  totals: z.strictObject({ open: z.number().int(), closed: z.number().int() }),
  byStage: z.array(
    z.strictObject({
      stageId: z.string().nullable(),
      label: z.string(),
      open: z.number().int(),
      reviewsOverdue: z.number().int(),
      signaturesMissing: z.number().int(),
    }),
  ),
  bySchool: z.array(z.strictObject({ school: z.string(), open: z.number().int() })),
  reviewsOverdue: z.number().int(),
  signaturesOutstanding: z.strictObject({ signatures: z.number().int(), cases: z.number().int() }),
  timeInStage: z.array(
    z.strictObject({
      stageId: z.string(),
      label: z.string(),
      completed: dayStats,
      current: dayStats,
    }),
  ),
  dayCount: z.strictObject({ unit: z.literal('calendar'), description: z.string() }),
});
