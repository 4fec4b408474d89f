import type { Identity } from '@shared/domain/context';
import { ok, type Result } from '@shared/errors/refusal';
import type { CaseStore } from '../infrastructure/tables/case-store-port';
import type { CaseCommands } from './case-service';
import { verifyStoredChain, type ChainVerification } from './chain-verification';

/** The student's record: verification, paperwork, exports (issue 12). */
export class CaseRecord {
  constructor(
    private readonly commands: CaseCommands,
    private readonly store: CaseStore,
    private readonly clock: () => Date,
  ) {}

  /** Recomputes the case's hash chain server-side: `intact`, or the first broken entry. */
  async verification(who: Identity, caseId: string): Promise<Result<ChainVerification>> {
    const loaded = await this.commands.load(who, caseId);
    if (!loaded.ok) return loaded;
    const { stored } = loaded.value;
    const events = await this.store.events(stored.providerId, caseId);
    return ok(verifyStoredChain(stored, events, this.clock()));
  }
}
