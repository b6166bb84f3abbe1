/** A `YYYY-MM-DD` date (from a date picker) as an ISO timestamp at local midnight, or null. */
export function dateToIso(date: string | null | undefined): string | null {
  if (!date) return null;
  const d = new Date(`${date}T00:00:00`);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** An ISO timestamp as a local `YYYY-MM-DD` date for a date picker, or null. */
export function isoToDate(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Today as a local `YYYY-MM-DD` date. */
export function today(): string {
  return isoToDate(new Date().toISOString()) as string;
}
