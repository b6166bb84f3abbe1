import { formatDecimal, formatMoney, formatNumber, formatPercent } from "../../../lib/format";

/** How a report number is shown (and exported): counts, 0–1 ratios as percentages, money, hours or days. */
export type ValueFormat = "count" | "percent" | "money" | "decimal" | "hours" | "days" | "text";

/** A report value as text; null and non-finite numbers are "—" (the caller explains why in a tooltip). */
export function formatValue(value: number | string | null | undefined, format: ValueFormat, currency: string): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "string") return value;
  if (!Number.isFinite(value)) return "—";
  switch (format) {
    case "count":
      return formatNumber(value);
    case "percent":
      return formatPercent(value);
    case "money":
      return formatMoney(value, currency, Math.abs(value) >= 1_000_000);
    case "decimal":
      return formatDecimal(value);
    case "hours":
      return value >= 48 ? `${formatDecimal(value / 24)} d` : `${formatDecimal(value)} h`;
    case "days":
      return `${formatDecimal(value)} d`;
    case "text":
      return String(value);
  }
}

export type Change = { text: string; direction: "up" | "down" | "flat" } | null;

/**
 * The change from the previous period: percentage points for ratios, a relative change for everything else. Null
 * when either side is missing or the previous value is zero (no base to compare with).
 */
export function changeBetween(current: number | null | undefined, previous: number | null | undefined, format: ValueFormat): Change {
  if (current === null || current === undefined || previous === null || previous === undefined) return null;
  if (!Number.isFinite(current) || !Number.isFinite(previous)) return null;
  const direction = current > previous ? "up" : current < previous ? "down" : "flat";
  const sign = direction === "up" ? "+" : direction === "down" ? "−" : "±";
  if (format === "percent") {
    const pts = Math.abs(current - previous) * 100;
    return { text: `${sign}${formatDecimal(pts)} pts`, direction };
  }
  if (previous === 0) return current === 0 ? { text: "±0%", direction: "flat" } : null;
  const rel = Math.abs((current - previous) / Math.abs(previous)) * 100;
  return { text: `${sign}${formatDecimal(rel)}%`, direction };
}

/** An export header with its unit, so a spreadsheet reader knows what the bare number means. */
export function csvHeader(header: string, format: ValueFormat, currency: string): string {
  if (format === "percent") return `${header} (%)`;
  if (format === "money") return `${header} (${currency})`;
  if (format === "hours") return `${header} (hours)`;
  if (format === "days") return `${header} (days)`;
  return header;
}

/** An exported value: ratios as percentages with two decimals, numbers as numbers, null as an empty cell. */
export function csvValue(value: number | string | null | undefined, format: ValueFormat): number | string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" && format === "percent") return Math.round(value * 10_000) / 100;
  return value;
}
