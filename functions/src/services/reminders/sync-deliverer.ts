import type { DecisionContext } from '@shared/domain/context';
import type { Deliverer } from '../delivery/outbox-relay';
import type { ProviderContext } from '../provider-directory';
import type { DueIndexSync } from './due-index-sync';
import type { BatchNotifier } from './sweep-delivery';

/**
 * The relay's deliverer with the `syncDueIndex` effect carried out here (ADR 0011): the case's
 * due rows are re-derived from the state the relay just read, which heals a crash between a
 * commit and its inline index write, and the rows the commit ended are removed. Nothing is recorded on the case for it (`nothing`). Every
 * other effect goes to Graph as before; batching (for the sweep) and `sendsNothing` (card
 * refreshes settled without a claim) are passed through.
 */
export function withDueIndexSync(
  inner: Deliverer & Partial<BatchNotifier>,
  sync: DueIndexSync,
  context: (provider: ProviderContext) => DecisionContext,
): Deliverer & Partial<BatchNotifier> {
  const deliverer: Deliverer = {
    deliver: async (provider, state, effect, deadline) => {
      if (effect.kind !== 'syncDueIndex') return inner.deliver(provider, state, effect, deadline);
      await sync.sync(context(provider), state, effect.ended);
      return { kind: 'nothing' };
    },
  };
  const batch = inner.notifyMany?.bind(inner);
  const sendsNothing = inner.sendsNothing?.bind(inner);
  return {
    ...deliverer,
    ...(batch === undefined ? {} : { notifyMany: batch }),
    ...(sendsNothing === undefined ? {} : { sendsNothing }),
  };
}
