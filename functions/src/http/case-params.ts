import { z } from 'zod';
import { caseIdSchema, providerIdSchema } from '@shared/schemas/text';

/** Path parameters of every `cases/{caseId}` route. */
export const caseParamsSchema = z.strictObject({ caseId: caseIdSchema });

/** Path parameters of every `providers/{providerId}` route. */
export const providerParamsSchema = z.strictObject({ providerId: providerIdSchema });
