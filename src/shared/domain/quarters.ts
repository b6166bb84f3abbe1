/** Calendar quarters as `YYYY-Qn`, the unit of the quarterly joint review. */

export const QUARTER_PATTERN = /^(\d{4})-Q([1-4])$/;

export type QuarterRange = { quarter: string; from: string; to: string };

const pad = (n: number) => String(n).padStart(2, "0");

/** The first and last calendar day of a quarter (`2026-Q3` → 2026-07-01 … 2026-09-30). */
export function quarterRange(quarter: string): QuarterRange {
  const m = QUARTER_PATTERN.exec(quarter);
  if (!m) throw new Error(`not a quarter: ${quarter}`);
  const year = Number(m[1]);
  const q = Number(m[2]);
  const firstMonth = (q - 1) * 3 + 1;
  const lastDay = new Date(Date.UTC(year, firstMonth + 2, 0)).getUTCDate();
  return { quarter, from: `${year}-${pad(firstMonth)}-01`, to: `${year}-${pad(firstMonth + 2)}-${pad(lastDay)}` };
}

/** The quarter a calendar day (`YYYY-MM-DD`) falls in. */
export function quarterOf(day: string): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/** The quarter before (`2026-Q1` → `2025-Q4`). */
export function previousQuarter(quarter: string): string {
  const m = QUARTER_PATTERN.exec(quarter);
  if (!m) throw new Error(`not a quarter: ${quarter}`);
  const year = Number(m[1]);
  const q = Number(m[2]);
  return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
}
