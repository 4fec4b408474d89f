import type { Identity } from '@shared/domain/context';
import type { HashedEvent } from '@shared/record/readable-history';
import type { EngineHarness } from './engine-harness';

/** Who issued each event and when, captured around the harness's `run` (the store keeps both). */
export interface Recorder {
  /** The events so far with their audit envelope, as the store would give them back. */
  events(): HashedEvent[];
}

/**
 * Wraps a harness so each event gets the actor and instant of the command that produced it.
 * Events already present (the case opening) are credited to `opener` at the harness's start.
 */
export function record(h: EngineHarness, opener: Identity): Recorder {
  const openedAt = h.now.toISOString();
  const envelopes: { actor: Identity; at: string; command: string }[] = h.events.map(() => ({
    actor: opener,
    at: openedAt,
    command: 'openCase',
  }));
  const run = h.run.bind(h);
  h.run = (who, input) => {
    const before = h.events.length;
    const refusal = run(who, input);
    const command = String((input as { type?: unknown }).type);
    for (let i = before; i < h.events.length; i += 1)
      envelopes.push({ actor: who, at: h.now.toISOString(), command });
    return refusal;
  };
  return {
    events: () =>
      h.events.map((event, i) => {
        const env = envelopes[i] ?? { actor: opener, at: openedAt, command: 'unknown' };
        return {
          seq: i + 1,
          at: env.at,
          actor: { tid: env.actor.tid, oid: env.actor.oid },
          command: env.command,
          event,
          hash: `hash${String(i + 1)}`,
        };
      }),
  };
}
