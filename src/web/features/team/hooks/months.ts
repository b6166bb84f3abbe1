/** `YYYY-MM` of a date in the workspace's zone. */
export function monthOf(d: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit" }).format(d).slice(0, 7);
}

/** The month `n` months before `month` (`YYYY-MM`). */
export function monthsBack(month: string, n: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const total = y * 12 + (m - 1) - n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, "0")}`;
}

/** The last `n` months up to `month`, newest first, for a picker. */
export function recentMonths(month: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => monthsBack(month, i));
}
