import type { Choice } from '@shared/cards';
import type { Identity } from '@shared/domain/context';
import type { CaseSummary } from '@shared/domain/view';
import { ok, type Result } from '@shared/errors/refusal';
import type { BotDeps, ConcernCategory } from '../bot-deps';

/** What the raise-a-concern form offers this user. */
export interface ConcernChoices {
  readonly trainees: readonly Choice[];
  readonly categories: readonly ConcernCategory[];
}

// The cases the form offers: open cases the user is named on in a role the procedure lets raise
// a concern (`concern.raisedBy`), so a Bright Futures trainee may raise one on their own case
// (BF-03). Without the procedure's list: any role but trainee. A presentation filter only: the
// service decides at submit whether this user may raise the concern.
async function offered(deps: BotDeps, cases: readonly CaseSummary[]): Promise<CaseSummary[]> {
  const raisers = new Map<string, ReadonlySet<string> | undefined>();
  for (const id of new Set(cases.map((c) => c.providerId))) {
    raisers.set(
      id,
      deps.concernRaisers === undefined ? undefined : new Set(await deps.concernRaisers(id)),
    );
  }
  return cases.filter((c) => {
    const allowed = raisers.get(c.providerId);
    return c.viewerRoles.some((role) =>
      allowed === undefined ? role !== 'trainee' : allowed.has(role),
    );
  });
}

async function categoriesFor(
  deps: BotDeps,
  cases: readonly CaseSummary[],
): Promise<ConcernCategory[]> {
  const providers = [...new Set(cases.map((c) => c.providerId))];
  const all = (await Promise.all(providers.map((id) => deps.categories(id)))).flat();
  return [...new Map(all.map((c) => [c.id, c])).values()];
}

/** The user's own trainees and their procedures' concern categories. */
export async function concernChoices(
  deps: BotDeps,
  who: Identity,
): Promise<Result<ConcernChoices>> {
  const mine = await deps.service.listMine(who, { status: 'open' });
  if (!mine.ok) return mine;
  const cases = await offered(deps, mine.value);
  const trainees = cases.map((c) => ({ value: c.caseId, title: c.traineeName }));
  return ok({ trainees, categories: await categoriesFor(deps, cases) });
}

/** Categories as picker choices. */
export function categoryChoices(categories: readonly ConcernCategory[]): Choice[] {
  return categories.map((c) => ({ value: c.id, title: c.label }));
}
