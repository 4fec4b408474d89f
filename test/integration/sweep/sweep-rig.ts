/**
 * The timed sweep on the real store (Azurite) and the local Graph, with seams to kill a sweep
 * at each step boundary, and a count of what the local Graph accepted.
 */
import {
  ReviewSweep,
  type SweepCommands,
  type SweepIndex,
} from '../../../functions/src/services/review-sweep';
import {
  SweepDelivery,
  type BatchNotifier,
  type SweepDeliveryDeps,
} from '../../../functions/src/services/reminders/sweep-delivery';
import type { Deliverer } from '../../../functions/src/services/delivery/outbox-relay';
import { deliveryRig, type DeliveryRig } from '../../support/graph-fixture';
import { meStage1NotOnTrajectory } from '../../support/service-fixture';

/** The notification types the due-date index sends. */
const timedTypes = new Set([
  'review-due',
  'review-due-today',
  'review-overdue',
  'signatures-missing',
  'window-closing',
  'contact-not-acknowledged',
]);

/** A moving clock: the services and every sweep read it. */
export function movingClock(start: string) {
  let now = new Date(start);
  return {
    clock: () => now,
    set: (iso: string) => {
      now = new Date(iso);
    },
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
  };
}

export type Clock = ReturnType<typeof movingClock>;

/** A rig whose services run on `clock`, with three Mid Essex Stage 1 cases opened at its start. */
export async function sweepRig(clock: Clock) {
  const rig = await deliveryRig({ clock: clock.clock });
  const ids = [
    await meStage1NotOnTrajectory(rig.services, 'me-trainee-1'),
    await meStage1NotOnTrajectory(rig.services, 'me-trainee-2'),
    await meStage1NotOnTrajectory(rig.services, 'me-trainee-3'),
  ];
  return { ...rig, ids };
}

/**
 * Each timed notification the local Graph accepted, as `recipient|case link|type`, with how many
 * times: exactly once means every count is 1.
 */
export function acceptedTimed(rig: DeliveryRig): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of rig.graph.requests) {
    if (!r.inBatch || !r.path.endsWith('/teamwork/sendActivityNotification')) continue;
    if (typeof r.status !== 'number' || r.status < 200 || r.status >= 300) continue;
    const body = r.body as { activityType?: string; topic?: { webUrl?: string } };
    if (!timedTypes.has(body.activityType ?? '')) continue;
    const key = `${r.path}|${body.topic?.webUrl ?? ''}|${body.activityType ?? ''}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Where a seam kills the sweep: the run never returns past that point, as if the host died. */
export type Boundary =
  'none' | 'after-claim' | 'after-commit' | 'before-delivery' | 'after-send' | 'after-record';

/** Resolves when the seam fired; the killed call never settles. */
function killSwitch() {
  let fire: () => void = () => undefined;
  const fired = new Promise<'killed'>((resolve) => {
    fire = () => {
      resolve('killed');
    };
  });
  const hang = <T>(): Promise<T> => {
    fire();
    return new Promise<T>(() => undefined);
  };
  return { fired, hang };
}

/**
 * A sweep over the rig's store, index and outbox whose `boundary` step kills it the first time
 * it is reached. `after-send` kills once Graph accepted a batch, before anything is recorded;
 * `after-record` once the delivery is recorded on the case (and its outbox row settled with it).
 */
export function sweepKilledAt(rig: DeliveryRig, boundary: Boundary, clock: Clock) {
  const s = rig.services;
  const kill = killSwitch();
  let done = false;
  const once = () => {
    if (done) return false;
    done = true;
    return true;
  };
  const index: SweepIndex = {
    day: (d) => s.dueIndex.day(d),
    claimAll: async (...args) => {
      const claimed = await s.dueIndex.claimAll(...args);
      return boundary === 'after-claim' && claimed.some((c) => c.kind === 'claimed') && once()
        ? kill.hang()
        : claimed;
    },
    endClaims: (...args) => s.dueIndex.endClaims(...args),
    release: (...args) => s.dueIndex.release(...args),
    put: (rows) => s.dueIndex.put(rows),
    remove: (rows) => s.dueIndex.remove(rows),
    watermark: () => s.dueIndex.watermark(),
    advance: (d) => s.dueIndex.advance(d),
    indexedWith: (p) => s.dueIndex.indexedWith(p),
    markIndexed: (...args) => s.dueIndex.markIndexed(...args),
    dropClaims: (...args) => s.dueIndex.dropClaims(...args),
  };
  // The sweep commits in shared transactions (persistMany); the delivery's one-by-one fallback
  // records with persist. Either kills at its boundary once it has written.
  const commands: SweepCommands & SweepDeliveryDeps['commands'] = {
    context: (p) => s.commands.context(p),
    persistMany: async (items) => {
      const result = await s.commands.persistMany(items);
      const recording = items[0]?.commandName === 'deliverEffect';
      if (boundary === 'after-commit' && !recording && once()) return kill.hang();
      if (boundary === 'after-record' && recording && once()) return kill.hang();
      return result;
    },
    persist: async (...args: Parameters<SweepDeliveryDeps['commands']['persist']>) => {
      const result = await s.commands.persist(...args);
      const recording = args[7] === 'deliverEffect';
      if (boundary === 'after-commit' && !recording && once()) return kill.hang();
      if (boundary === 'after-record' && recording && once()) return kill.hang();
      return result;
    },
  };
  const inner = rig.deliverer;
  const deliverer: Deliverer & BatchNotifier = {
    deliver: (...args) => inner.deliver(...args),
    notifyMany: async (entries) => {
      const reports = await inner.notifyMany(entries);
      return boundary === 'after-send' && once() ? kill.hang() : reports;
    },
  };
  const delivery = new SweepDelivery({
    commands,
    store: s.store,
    outbox: s.outbox,
    deliverer,
    clock: clock.clock,
    leaseMs: 60_000,
  });
  const sweep = new ReviewSweep({
    commands,
    store: s.store,
    index,
    providers: s.providers,
    clock: clock.clock,
    delivery: {
      deliver: (cases) =>
        boundary === 'before-delivery' && once() ? kill.hang() : delivery.deliver(cases),
    },
  });
  return { sweep, killed: kill.fired };
}
