import type { ProviderCalendar } from '../calendar';
import type { ReviewCountdown, ReviewWindow } from './view';

/**
 * Counting days from today to the next review (the set review date, else the window's latest
 * day), on the provider's calendar in the window's unit; negative once it has passed.
 */
export function reviewCountdown(
  reviewDate: string | null,
  window: ReviewWindow | null,
  today: string,
  calendar: ProviderCalendar,
): ReviewCountdown | null {
  const due = reviewDate ?? window?.latest ?? null;
  if (due === null) return null;
  const unit = window?.unit ?? 'working';
  const daysLeft =
    due >= today
      ? calendar.countDaysBetween(today, due, unit)
      : -calendar.countDaysBetween(due, today, unit);
  return { due, daysLeft, unit, overdue: due < today };
}
