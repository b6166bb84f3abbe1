import { useMemo } from "react";
import { PERIOD_PRESETS, presetPeriod, previousPeriod, todayIn, type DayRange, type PeriodPreset } from "../../../../shared/domain/report-periods.js";
import type { Query } from "../../../lib/api-client";
import { useSession } from "../../../lib/session";
import { useUrlState } from "../../../lib/use-url-state";

/** The dashboards open on the reports' default period (the server's too): this month and the eleven before it. */
export const DEFAULT_PRESET: PeriodPreset = "last_12_months";

/** The filters every report takes, besides the period, with their URL keys (the API's names). */
export const SCOPE_KEYS = ["segment", "source", "channel", "campaignId", "teamId", "repId"] as const;
export type ScopeKey = (typeof SCOPE_KEYS)[number];

export type ReportFilters = {
  preset: PeriodPreset;
  custom: { from: string | null; to: string | null };
  /** The period asked for (days in the workspace zone, both ends included), or null while custom dates are missing. */
  range: DayRange | null;
  /** The period of the same length right before, when comparison is on. */
  previous: DayRange | null;
  compare: boolean;
  scope: Partial<Record<ScopeKey, string>>;
};

/** The API query for a period and scope (`from`/`to` inclusive days). */
export function reportQuery(range: DayRange, scope: ReportFilters["scope"]): Query {
  return { from: range.from, to: range.to, ...scope };
}

/** Reads the report filters from URL params (`period`, `from`, `to`, `compare`, and the scope keys). */
export function parseReportFilters(params: URLSearchParams, today: string): ReportFilters {
  const raw = params.get("period");
  const preset = raw && (PERIOD_PRESETS as readonly string[]).includes(raw) ? (raw as PeriodPreset) : DEFAULT_PRESET;
  const custom = { from: params.get("from"), to: params.get("to") };
  const range = presetPeriod(preset, today, custom);
  const compare = params.get("compare") === "1";
  const scope: ReportFilters["scope"] = {};
  for (const key of SCOPE_KEYS) {
    const v = params.get(key);
    if (v) scope[key] = v;
  }
  return { preset, custom, range, previous: compare && range ? previousPeriod(range) : null, compare, scope };
}

/** The report filters kept in the URL, resolved against today in the workspace's time zone. */
export function useReportFilters() {
  const url = useUrlState();
  const me = useSession();
  const today = todayIn(me.workspace.timezone);
  const filters = useMemo(() => parseReportFilters(url.params, today), [url.params, today]);
  return { filters, url, today };
}
