/**
 * ADR 0015: the due index shares its round trips across rows (a transaction per day partition
 * and 100 rows), falls back to row-by-row when a shared transaction fails, and drops claim
 * partitions once no sweep can still use them.
 */
import type { DueRow } from '../../../functions/src/infrastructure/tables/due-index-store';
import { freshServices } from '../../support/service-fixture';

const row = (day: string, n: number): DueRow => ({
  day,
  providerId: 'mid-essex-itt',
  caseId: `mid-essex-itt.c${String(n).padStart(4, '0')}`,
  key: `review-today:i1:${day}`,
});
const now = new Date('2026-01-19T09:00:00Z');
const lease = 10 * 60_000;

describe('due index batches (ADR 0015)', () => {
  it('150 rows of one day and 1 of another: put, claim, finish and remove each take 3 requests; a second claim finds them done', async () => {
    const s = await freshServices(() => now);
    const rows = [
      ...Array.from({ length: 150 }, (_, i) => row('2026-01-19', i)),
      row('2026-01-18', 0),
    ];
    await s.dueIndex.watermark(); // the table exists
    s.counter.reset();
    await s.dueIndex.put(rows);
    expect(s.counter.count()).toBe(3);
    expect((await s.dueIndex.day('2026-01-19')).length).toBe(150);

    s.counter.reset();
    const claims = await s.dueIndex.claimAll(rows, 'run-1', now, lease);
    expect(s.counter.count()).toBe(3);
    expect(claims.every((c) => c.kind === 'claimed')).toBe(true);

    s.counter.reset();
    await s.dueIndex.endClaims(
      rows.map((r, i) => {
        const c = claims[i];
        return { row: r, etag: c?.kind === 'claimed' ? c.etag : '', release: false };
      }),
      now,
    );
    await s.dueIndex.remove(rows);
    expect(s.counter.count()).toBe(6);
    expect(await s.dueIndex.day('2026-01-19')).toEqual([]);
    const again = await s.dueIndex.claimAll(rows, 'run-2', now, lease);
    expect(again.every((c) => c.kind === 'done')).toBe(true);
  });

  it('one row held by a live sweep: the shared claim fails as a whole, then row by row the others are ours and that one is busy', async () => {
    const s = await freshServices(() => now);
    const rows = Array.from({ length: 5 }, (_, i) => row('2026-01-19', i));
    const held = await s.dueIndex.claimAll([rows[2] as DueRow], 'other-run', now, lease);
    expect(held[0]?.kind).toBe('claimed');
    const mine = await s.dueIndex.claimAll(rows, 'run-1', now, lease);
    expect(mine.map((c) => c.kind)).toEqual(['claimed', 'claimed', 'busy', 'claimed', 'claimed']);
    // A finish whose claim was taken over changes nothing; the others finish row by row.
    const later = new Date(now.getTime() + lease + 1);
    const taken = await s.dueIndex.claimAll([rows[0] as DueRow], 'run-3', later, lease);
    expect(taken[0]?.kind).toBe('claimed');
    const ends = rows.flatMap((r, i) => {
      const c = mine[i];
      return c?.kind === 'claimed' ? [{ row: r, etag: c.etag, release: false }] : [];
    });
    await s.dueIndex.endClaims(ends, now);
    const after = await s.dueIndex.claimAll(rows, 'run-4', later, lease);
    expect(after.map((c) => c.kind)).toEqual(['busy', 'done', 'claimed', 'done', 'done']);
  });

  it('claim partitions at or before the noted watermark are dropped only a hold after the note, and only once', async () => {
    const s = await freshServices(() => now);
    const old = Array.from({ length: 120 }, (_, i) => row('2026-01-10', i));
    const recent = [row('2026-01-17', 1)];
    await s.dueIndex.claimAll([...old, ...recent], 'run-1', now, lease);
    const hold = 15 * 60_000;
    // First run: notes the watermark (the 16th) and drops nothing.
    expect(await s.dueIndex.dropClaims('2026-01-16', now, hold)).toBe(0);
    // Within the hold: nothing, whatever the watermark says now.
    const soon = new Date(now.getTime() + hold - 1);
    expect(await s.dueIndex.dropClaims('2026-01-18', soon, hold)).toBe(0);
    // A hold later: the claims through the noted 16th go (the 10th's 120), the 17th's stay.
    const later = new Date(now.getTime() + hold);
    expect(await s.dueIndex.dropClaims('2026-01-18', later, hold)).toBe(120);
    const kinds = await s.dueIndex.claimAll([old[0] as DueRow, ...recent], 'run-2', now, lease);
    expect(kinds.map((k) => k.kind)).toEqual(['claimed', 'busy']);
    // Noted again (the 18th) at `later`: the 17th goes only a hold after that.
    expect(await s.dueIndex.dropClaims('2026-01-18', later, hold)).toBe(0);
    const end = new Date(later.getTime() + hold);
    expect(await s.dueIndex.dropClaims('2026-01-18', end, hold)).toBe(1);
    expect(await s.dueIndex.dropClaims('2026-01-18', end, hold)).toBe(0);
  });
});
