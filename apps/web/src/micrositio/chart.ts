import { ACTIVITY_STATUSES, displayProgress, type ActivityStatus } from '@cocrea/domain';

/**
 * Numbers of the tablero as people read them: percentages with at most one decimal (never a false
 * 0 % or 100 %, `displayProgress`), and how many activities stand in each status.
 */

/** "47.3 %" (es-MX and en-US both write a decimal point); `locale` picks the digits' grouping. */
export function formatPercent(value: number, locale: string): string {
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(displayProgress(value))} %`;
}

/** The width of a bar for `value`, clamped to 0–100 %. */
export function barWidth(value: number): string {
  return `${Math.min(100, Math.max(0, displayProgress(value)))}%`;
}

/** How many activities are in each status, in the domain's order, leaving out empty ones. */
export function statusCounts(statuses: readonly ActivityStatus[]): { status: ActivityStatus; count: number }[] {
  return ACTIVITY_STATUSES.map((status) => ({ status, count: statuses.filter((s) => s === status).length })).filter((c) => c.count > 0);
}
