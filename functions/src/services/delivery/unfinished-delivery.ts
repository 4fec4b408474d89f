/**
 * A delivery stopped at its deadline (ADR 0017). Whatever went out before it is `done` (to be
 * recorded now, so it is never sent again); `rest` is the effect narrowed to what was not sent,
 * delivered by a later attempt. When nothing went out, `done` is null and `rest` is the effect.
 */
import type { DeliveryReport } from '@shared/domain/delivery';
import type { Effect } from '@shared/domain/effects';

export class UnfinishedDelivery extends Error {
  override readonly name = 'UnfinishedDelivery';
  constructor(
    readonly done: DeliveryReport | null,
    readonly rest: Effect,
  ) {
    super(`${rest.kind} stopped at its delivery deadline`);
  }
}
