/**
 * A delivery deadline (ADR 0017): the moment after which a delivery attempt must not touch
 * Graph any more, because the claim on its outbox effect (the lease) is about to run out and
 * another relay could take the effect over and send it again. Before the deadline, waits that
 * would end after it are not started (a Retry-After, a backoff); at the deadline, a request in
 * flight is aborted through `signal()`; after it, no request starts.
 */

/** The default margin kept between a delivery's deadline and the end of its lease. */
export const defaultDeadlineMarginMs = 60_000;

/**
 * How long a delivery may take under a lease of `leaseMs`: the lease minus a margin for
 * recording the result (a table transaction or two) and for clock drift between relays. The
 * margin is at most a fifth of the lease, so a short lease (tests, local) still leaves time.
 */
export function deliveryBudgetMs(leaseMs: number, marginMs = defaultDeadlineMarginMs): number {
  if (!(leaseMs > 0)) throw new RangeError('the lease must be positive');
  return leaseMs - Math.min(Math.max(0, marginMs), leaseMs / 5);
}

const maxTimerMs = 2 ** 31 - 1;

/** A delivery attempt stopped at its deadline: nothing more was sent, the rest waits for a later attempt. */
export class DeadlineReached extends Error {
  override readonly name = 'DeadlineReached';
  constructor(message = 'the delivery deadline was reached') {
    super(message);
  }
}

/** One attempt's deadline, on a clock of epoch milliseconds (`Date.now` unless a test gives one). */
export class Deadline {
  private controller: AbortController | undefined;

  constructor(
    /** Epoch milliseconds. */
    readonly at: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The deadline `ms` from now. */
  static in(ms: number, now: () => number = Date.now): Deadline {
    return new Deadline(now() + ms, now);
  }

  remainingMs(): number {
    return Math.max(0, this.at - this.now());
  }

  /** The deadline has come (by the clock, or its signal has fired). */
  passed(): boolean {
    return this.controller?.signal.aborted === true || this.now() >= this.at;
  }

  /** Whether a wait of `ms` that starts now ends before the deadline (so a request could follow it). */
  allowsWait(ms: number): boolean {
    return this.now() + Math.max(0, ms) < this.at;
  }

  /** Throws `DeadlineReached` once the deadline has passed: called before each request starts. */
  check(): void {
    if (this.passed()) throw new DeadlineReached();
  }

  /**
   * Aborts at the deadline (already aborted when it has passed), with `DeadlineReached` as its
   * reason. One signal per deadline; its timer does not keep the process alive.
   */
  signal(): AbortSignal {
    if (this.controller === undefined) {
      const controller = new AbortController();
      this.controller = controller;
      const remaining = this.remainingMs();
      if (remaining === 0) controller.abort(new DeadlineReached());
      // Beyond a timer's range (about 24.8 days) no request lasts anyway; the clock still counts.
      else if (remaining <= maxTimerMs)
        setTimeout(() => {
          controller.abort(new DeadlineReached());
        }, remaining).unref();
    }
    return this.controller.signal;
  }
}

/**
 * The longest the graph client's RetryHandler would sleep before its retry number `attempt`
 * (1-based), in milliseconds: the response's Retry-After (seconds or an HTTP date), else its
 * exponential backoff on `delaySeconds`, at most its 180 s ceiling; plus the up-to-1 s jitter
 * it adds. Mirrors `RetryHandler.getDelay` (@microsoft/microsoft-graph-client 3.0.7), rounded up.
 */
export function handlerDelayMs(
  retryAfter: string | null,
  attempt: number,
  delaySeconds: number,
  now: number = Date.now(),
): number {
  const ceiling = 180 + 1;
  let seconds: number;
  if (retryAfter !== null && retryAfter.trim() !== '') {
    const asNumber = Number(retryAfter);
    seconds = Number.isNaN(asNumber)
      ? Math.round((new Date(retryAfter).getTime() - now) / 1000)
      : asNumber;
    if (Number.isNaN(seconds)) seconds = ceiling;
  } else {
    const backoff = attempt >= 2 ? Math.round(0.5 * (2 ** attempt - 1)) : 0;
    seconds = backoff + delaySeconds + 1;
  }
  return Math.ceil(Math.min(Math.max(0, seconds), ceiling) * 1000);
}
