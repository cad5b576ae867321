// Figures as a person reads them (the admin's dashboards): durations in minutes and shares.

export function formatDuration(minutes: number | null): string {
  if (minutes === null) return '—';
  if (minutes < 90) return `${Math.round(minutes)} min`;
  if (minutes < 48 * 60) return `${(minutes / 60).toFixed(1)} h`;
  return `${(minutes / (24 * 60)).toFixed(1)} days`;
}

/** A rate 0-1 as a whole percentage; a dash when there is nothing to divide. */
export const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);

/** Counts with thousands separators, as every figure on the admin pages is written. */
export const whole = new Intl.NumberFormat('en');

/** Estimated AI cost in US dollars, to the cent. */
export const dollars = new Intl.NumberFormat('en', { style: 'currency', currency: 'USD', maximumFractionDigits: 2, minimumFractionDigits: 2 });
