import type { StageInstance } from './state';
import type { StageView } from './view';

/** Observations and reviews not on the agreed date (BF-10), each with what to show and whether a reason is still wanted. */
export function dateDepartures(instance: StageInstance): NonNullable<StageView['dateDepartures']> {
  const records = [
    ...instance.observations.map((o) => ({
      kind: 'observation' as const,
      id: o.observationId,
      date: o.date,
      d: o.departure,
    })),
    ...instance.reviews.map((r) => ({
      kind: 'review' as const,
      id: r.reviewId,
      date: r.heldOn,
      d: r.departure,
    })),
  ];
  return records.flatMap(({ kind, id, date, d }) => {
    if (d === undefined) return [];
    const agreed =
      d.agreedDate === null ? 'no date had been agreed' : `the agreed date was ${d.agreedDate}`;
    const ask = d.reason === null ? ' Record the reason.' : ` Reason: ${d.reason}`;
    return [
      {
        kind,
        id,
        date,
        agreedDate: d.agreedDate,
        reason: d.reason,
        reasonWanted: d.reason === null,
        message: `The ${kind} was on ${date}; ${agreed} (${d.rules.join(', ')}).${ask}`,
        rules: d.rules,
      },
    ];
  });
}
