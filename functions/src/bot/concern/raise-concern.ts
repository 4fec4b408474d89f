import { z } from 'zod';
import { actionDataSchemas, concernCard, noticeCard, type AdaptiveCard } from '@shared/cards';
import { caseCommandSchema } from '@shared/domain/commands';
import type { Identity } from '@shared/domain/context';
import { fail, ok, refuse, type Result } from '@shared/errors/refusal';
import type { BotDeps } from '../bot-deps';

/** Where the concern came from: a Teams message (message extension) or nowhere in particular. */
export type ConcernSource = {
  readonly kind: 'teams-message';
  readonly url: string | null;
  readonly author: string | null;
} | null;

/** A submitted form, validated: the case, and the command to run on it. */
export interface ConcernSubmission {
  readonly caseId: string;
  readonly category: string;
  readonly description: string;
  readonly seriousIncident: boolean;
}

const httpsUrl = z.url({ protocol: /^https$/ }).max(2000);

/** Validates the form's data (zod at the boundary; the parsed value is what we use). */
export function parseSubmission(data: unknown): Result<ConcernSubmission> {
  const parsed = actionDataSchemas.submitConcern.safeParse(data);
  if (!parsed.success)
    return fail(
      refuse('VALIDATION_FAILED', 'Choose a trainee and a category, and describe the concern.'),
    );
  const { caseId, category, description, seriousIncident } = parsed.data;
  return ok({ caseId, category, description, seriousIncident: seriousIncident === 'true' });
}

/** The source of a concern raised from a message: its link (https only) and author. */
export function messageSource(url: string | undefined, author: string | undefined): ConcernSource {
  const link = httpsUrl.safeParse(url);
  return {
    kind: 'teams-message',
    url: link.success ? link.data : null,
    author: author === undefined || author === '' ? null : author.slice(0, 200),
  };
}

/**
 * Raises the concern through the service and builds the confirmation card, which never carries
 * the description (Z7, P4); in a shared conversation it names neither trainee nor category.
 */
export async function raiseConcern(
  deps: BotDeps,
  who: Identity,
  input: {
    submission: ConcernSubmission;
    source: ConcernSource;
    commandId: string;
    shared: boolean;
  },
): Promise<Result<AdaptiveCard>> {
  const { submission } = input;
  const command = caseCommandSchema.safeParse({
    type: 'raiseConcern',
    category: submission.category,
    description: submission.description,
    source: input.source,
    seriousIncident: submission.seriousIncident,
  });
  if (!command.success) {
    return fail(
      refuse(
        'VALIDATION_FAILED',
        command.error.issues[0]?.message === undefined
          ? 'The concern is not valid.'
          : `The concern is not valid: ${command.error.issues[0].path.join('.')} ${command.error.issues[0].message}.`,
      ),
    );
  }
  const result = await deps.service.execute(who, submission.caseId, command.data, input.commandId);
  if (!result.ok) return result;
  const { view } = result.value;
  if (view === null) return ok(noticeCard('Concern recorded', 'The concern is recorded.'));
  const category = (await deps.categories(view.providerId)).find(
    (c) => c.id === submission.category,
  );
  return ok(
    concernCard({
      caseId: view.caseId,
      traineeName: view.trainee.name,
      categoryLabel: category?.label ?? submission.category,
      specialCategory: category?.specialCategory ?? true,
      seriousIncident: submission.seriousIncident,
      raisedAt: deps.now().toISOString(),
      audience: input.shared ? 'shared' : 'private',
    }),
  );
}
