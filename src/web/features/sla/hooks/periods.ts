import { today } from "../../../lib/dates";

export type PeriodPreset = "this_month" | "last_month" | "this_quarter" | "last_30" | "last_90" | "custom";

export const PRESET_LABELS: Record<PeriodPreset, string> = {
  this_month: "This month",
  last_month: "Last month",
  this_quarter: "This quarter",
  last_30: "Last 30 days",
  last_90: "Last 90 days",
  custom: "Custom dates",
};

const pad = (n: number) => String(n).padStart(2, "0");
const ymd = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** Adds days to a `YYYY-MM-DD` date. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00`);
  d.setDate(d.getDate() + days);
  return ymd(d);
}

/**
 * A preset as the API's period: `from` inclusive, `to` exclusive, local dates. Custom periods take the picked
 * dates with `to` inclusive (the day after is sent), and give null until both are picked.
 */
export function periodRange(preset: PeriodPreset, custom: { from: string | null; to: string | null }, now = new Date()): { from: string; to: string } | null {
  const y = now.getFullYear();
  const m = now.getMonth();
  switch (preset) {
    case "this_month":
      return { from: ymd(new Date(y, m, 1)), to: ymd(new Date(y, m + 1, 1)) };
    case "last_month":
      return { from: ymd(new Date(y, m - 1, 1)), to: ymd(new Date(y, m, 1)) };
    case "this_quarter": {
      const q = m - (m % 3);
      return { from: ymd(new Date(y, q, 1)), to: ymd(new Date(y, q + 3, 1)) };
    }
    case "last_30":
      return { from: addDays(today(), -29), to: addDays(today(), 1) };
    case "last_90":
      return { from: addDays(today(), -89), to: addDays(today(), 1) };
    case "custom":
      if (!custom.from || !custom.to || custom.to < custom.from) return null;
      return { from: custom.from, to: addDays(custom.to, 1) };
  }
}
