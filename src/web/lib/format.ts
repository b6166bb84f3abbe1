/** Formatting helpers: money in the workspace currency, dates and numbers in the user's locale. */

const moneyFormats = new Map<string, Intl.NumberFormat>();

function moneyFormat(currency: string, compact: boolean): Intl.NumberFormat {
  const key = `${currency}:${compact}`;
  let f = moneyFormats.get(key);
  if (!f) {
    try {
      f = new Intl.NumberFormat(undefined, {
        style: "currency",
        currency,
        maximumFractionDigits: compact ? 1 : 0,
        notation: compact ? "compact" : "standard",
      });
    } catch {
      f = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
    }
    moneyFormats.set(key, f);
  }
  return f;
}

/** Formats an amount as money, e.g. `$12,500` (compact: `$12.5K`). */
export function formatMoney(amount: number | null | undefined, currency: string, compact = false): string {
  if (amount === null || amount === undefined || Number.isNaN(amount)) return "—";
  return moneyFormat(currency, compact).format(amount);
}

const numberFormat = new Intl.NumberFormat();
const decimalFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

/** Formats a count with grouping, e.g. `12,480`. */
export function formatNumber(n: number | null | undefined): string {
  if (n === null || n === undefined) return "—";
  return numberFormat.format(n);
}

/** Formats a score or ratio with one decimal. */
export function formatDecimal(n: number | null | undefined): string {
  if (n === null || n === undefined) return "—";
  return decimalFormat.format(n);
}

/** Formats a 0–1 ratio as a percentage. */
export function formatPercent(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return "—";
  return `${decimalFormat.format(ratio * 100)}%`;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { year: "numeric", month: "short", day: "numeric" });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit" });
const relativeFormat = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });

function toDate(value: string | Date | null | undefined): Date | null {
  if (!value) return null;
  const d = typeof value === "string" ? new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00` : value) : value;
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Formats a timestamp or `YYYY-MM-DD` date as a date, e.g. `Mar 4, 2026`. */
export function formatDate(value: string | Date | null | undefined): string {
  const d = toDate(value);
  return d ? dateFormat.format(d) : "—";
}

/** Formats a timestamp with its time of day. */
export function formatDateTime(value: string | Date | null | undefined): string {
  const d = toDate(value);
  return d ? dateTimeFormat.format(d) : "—";
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/** Formats a timestamp relative to now, e.g. `3 days ago`. */
export function formatRelative(value: string | Date | null | undefined, now: Date = new Date()): string {
  const d = toDate(value);
  if (!d) return "—";
  const seconds = (d.getTime() - now.getTime()) / 1000;
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relativeFormat.format(Math.round(seconds / size), unit);
  }
  return "just now";
}

/** Turns a snake_case code into words: `paid_social` → `Paid social`. */
export function humanize(code: string | null | undefined): string {
  if (!code) return "—";
  const words = code.replace(/_/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A person's display name from first/last name, falling back to the e-mail. */
export function personName(p: { firstName?: string | null; lastName?: string | null; email?: string | null }): string {
  const name = [p.firstName, p.lastName].filter(Boolean).join(" ").trim();
  return name || p.email || "Unnamed contact";
}

/** Up to two initials for an avatar. */
export function initials(name: string): string {
  const parts = name.split(/[\s@.]+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "") + (parts[1]?.[0] ?? "")).toUpperCase() || "?";
}
