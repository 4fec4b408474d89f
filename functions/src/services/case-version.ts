import { buildCaseView } from '@shared/domain/case-view';
import type { CaseView } from '@shared/domain/view';
import { refuse, type Refusal } from '@shared/errors/refusal';
import type { LoadedCase } from './case-service';

/** The case as the loaded caller sees it, with its version (the stored event count). */
export function viewOf(loaded: LoadedCase): CaseView {
  return {
    ...buildCaseView(loaded.ctx, loaded.state, loaded.actor),
    version: loaded.stored.seq,
  };
}

/**
 * A refusal when the caller's If-Match version is not the case's current one: a person who edited a
 * form while someone else changed the case gets the current state to look at, not a silent
 * overwrite of their intent. `details.case` is the current view, `details.version` its version.
 */
export function staleVersion(
  loaded: LoadedCase,
  ifMatchVersion: number | undefined,
): Refusal | null {
  if (ifMatchVersion === undefined || ifMatchVersion === loaded.stored.seq) return null;
  return refuse(
    'PRECONDITION_FAILED',
    `The case has changed since you loaded it (your version ${ifMatchVersion}, now ${loaded.stored.seq}). Review the current case and try again.`,
    [],
    { version: loaded.stored.seq, case: viewOf(loaded) },
  );
}
