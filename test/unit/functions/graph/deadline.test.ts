/** The delivery deadline's logic (ADR 0017), on a fake clock. */
import {
  Deadline,
  DeadlineReached,
  defaultDeadlineMarginMs,
  deliveryBudgetMs,
  handlerDelayMs,
} from '../../../../functions/src/infrastructure/graph/deadline';

describe('deliveryBudgetMs: the lease minus a margin', () => {
  it('keeps 60 s of the 5-minute lease for recording the result', () => {
    expect(defaultDeadlineMarginMs).toBe(60_000);
    expect(deliveryBudgetMs(5 * 60_000)).toBe(4 * 60_000);
  });
  it('takes at most a fifth of a short lease, and never a negative margin', () => {
    expect(deliveryBudgetMs(60_000)).toBe(48_000);
    expect(deliveryBudgetMs(5_000, 1_000)).toBe(4_000);
    expect(deliveryBudgetMs(5_000, -10)).toBe(5_000);
  });
  it('refuses a lease that is not positive', () => {
    expect(() => deliveryBudgetMs(0)).toThrow(RangeError);
  });
});

describe('Deadline on a fake clock', () => {
  let now = 1_000_000;
  const clock = () => now;
  beforeEach(() => {
    now = 1_000_000;
  });

  it('counts down, and has passed from its very moment on', () => {
    const d = Deadline.in(4_000, clock);
    expect(d.at).toBe(1_004_000);
    expect(d.remainingMs()).toBe(4_000);
    expect(d.passed()).toBe(false);
    now += 3_999;
    expect(d.remainingMs()).toBe(1);
    expect(d.passed()).toBe(false);
    now += 1;
    expect(d.passed()).toBe(true);
    expect(d.remainingMs()).toBe(0);
    now += 10_000;
    expect(d.remainingMs()).toBe(0);
  });

  it('allows a wait only when it ends before the deadline (so a request could still follow)', () => {
    const d = Deadline.in(4_000, clock);
    expect(d.allowsWait(0)).toBe(true);
    expect(d.allowsWait(3_999)).toBe(true);
    expect(d.allowsWait(4_000)).toBe(false);
    expect(d.allowsWait(30_000)).toBe(false);
    now += 2_000;
    expect(d.allowsWait(2_500)).toBe(false);
  });

  it('check() throws DeadlineReached once it has passed', () => {
    const d = Deadline.in(10, clock);
    expect(() => {
      d.check();
    }).not.toThrow();
    now += 10;
    expect(() => {
      d.check();
    }).toThrow(DeadlineReached);
  });

  it('its signal is already aborted when the deadline has passed', () => {
    const d = Deadline.in(0, clock);
    expect(d.signal().aborted).toBe(true);
    expect(d.signal().reason).toBeInstanceOf(DeadlineReached);
  });
});

describe('Deadline signal (jest fake timers)', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: 5_000_000 });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('aborts a request in flight at the deadline, with DeadlineReached as the reason', () => {
    const d = Deadline.in(4_000);
    const signal = d.signal();
    expect(d.signal()).toBe(signal);
    jest.advanceTimersByTime(3_999);
    expect(signal.aborted).toBe(false);
    jest.advanceTimersByTime(1);
    expect(signal.aborted).toBe(true);
    expect(signal.reason).toBeInstanceOf(DeadlineReached);
    expect(d.passed()).toBe(true);
  });
});

describe("handlerDelayMs: the RetryHandler's longest sleep before a retry", () => {
  const now = Date.parse('2026-12-02T06:00:00Z');
  it('takes Retry-After in seconds', () => {
    expect(handlerDelayMs('30', 1, 3, now)).toBe(30_000);
    expect(handlerDelayMs('0', 1, 3, now)).toBe(0);
  });
  it('takes Retry-After as an HTTP date', () => {
    expect(handlerDelayMs('Wed, 02 Dec 2026 06:00:45 GMT', 1, 3, now)).toBe(45_000);
  });
  it('without Retry-After: the delay, exponential from the second retry, plus up to 1 s of jitter', () => {
    expect(handlerDelayMs(null, 1, 3, now)).toBe(4_000);
    expect(handlerDelayMs(null, 2, 3, now)).toBe(6_000);
    expect(handlerDelayMs(null, 3, 3, now)).toBe(8_000);
    expect(handlerDelayMs(null, 1, 0.05, now)).toBe(1_050);
  });
  it("is capped at the handler's 180 s ceiling (plus jitter); an unreadable value counts as the ceiling", () => {
    expect(handlerDelayMs('3600', 1, 3, now)).toBe(181_000);
    expect(handlerDelayMs('soon', 1, 3, now)).toBe(181_000);
  });
});
