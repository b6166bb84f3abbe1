import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, type Query } from "../../../lib/api-client";
import type { CsvValue } from "../../../../shared/csv.js";
import { humanize } from "../../../lib/format";
import { reportQuery, type ReportFilters } from "./report-filters";

/** What a drill-down opens: a report's `/records` with the query fields naming the number, and a title for it. */
export type DrillSpec = {
  /** The report's path under /reports (e.g. `funnel`, `attribution`). */
  report: string;
  /** The query fields that say which number (e.g. `{ stage: "mql", cohort: "2026-03", converted: "true" }`). */
  params: Query;
  title: string;
  /** What the records are when they do not say it themselves (a `kind` field). */
  kind?: "contact" | "deal" | "campaign";
  /** For the export's file name. */
  slug?: string;
};

export type DrillRecord = Record<string, unknown> & { id?: string; kind?: string };
export type DrillPage = { items: DrillRecord[]; total: number };

export const DRILL_PAGE = 50;

/** One page of the records behind a number, for the period and scope in the filters. */
export function useDrillRecords(spec: DrillSpec | null, filters: ReportFilters, offset: number) {
  return useQuery({
    queryKey: ["report-records", spec?.report, spec?.params, filters.range, filters.scope, offset],
    queryFn: async ({ signal }) => {
      const page = await api.get<DrillPage>(`/reports/${spec!.report}/records`, { ...reportQuery(filters.range!, filters.scope), ...spec!.params, limit: DRILL_PAGE, offset }, signal);
      return { ...page, items: page.items.map(flattenRecord) };
    },
    enabled: spec !== null && filters.range !== null,
    placeholderData: keepPreviousData,
  });
}

const EXPORT_PAGE = 500;
const EXPORT_MAX = 20_000;

/** Every record behind a number (pages of 500, at most 20,000), for the export. */
export async function fetchAllDrillRecords(spec: DrillSpec, filters: ReportFilters): Promise<DrillPage> {
  const items: DrillRecord[] = [];
  let total = 0;
  for (let offset = 0; offset < EXPORT_MAX; offset += EXPORT_PAGE) {
    const page = await api.get<DrillPage>(`/reports/${spec.report}/records`, { ...reportQuery(filters.range!, filters.scope), ...spec.params, limit: EXPORT_PAGE, offset });
    items.push(...page.items.map(flattenRecord));
    total = page.total;
    if (page.items.length < EXPORT_PAGE || items.length >= total) break;
  }
  return { items, total };
}

const HIDDEN = new Set(["id", "kind"]);
const MONEY_KEYS = /amount|revenue|pipeline|cost|credit|value$/i;
const MONEY_PARENTS = /^(credit|amount|revenue|cost)\./i;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** The fields a drill-down shows, in the records' own order (ids hidden; a record's name links to it). */
export function drillFields(items: DrillRecord[]): string[] {
  const keys: string[] = [];
  for (const item of items.slice(0, 20)) for (const k of Object.keys(item)) if (!HIDDEN.has(k) && !k.endsWith("Id") && !keys.includes(k)) keys.push(k);
  return keys;
}

/** Nested figures (`credit: { first, last, … }`) as columns of their own (`credit.first`, `credit.last`, …). */
export function flattenRecord(item: DrillRecord): DrillRecord {
  const out: DrillRecord = {};
  for (const [k, v] of Object.entries(item)) {
    if (v && typeof v === "object" && !Array.isArray(v)) for (const [sub, x] of Object.entries(v)) out[`${k}.${sub}`] = x;
    else out[k] = v;
  }
  return out;
}

/** A field name as a column header: `enteredAt` → `Entered at`, `credit.uShaped` → `Credit: u shaped`. */
export function fieldLabel(key: string): string {
  if (key.includes(".")) return key.split(".").map(fieldLabel).join(": ");
  return humanize(key.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase()).replace(/\bmql\b/gi, "MQL").replace(/\bsql\b/gi, "SQL").replace(/\bsal\b/gi, "SAL");
}

/** How a field's values are shown. */
export function fieldKind(key: string, sample: unknown): "money" | "timestamp" | "number" | "boolean" | "text" {
  if (typeof sample === "boolean") return "boolean";
  if (typeof sample === "number") return MONEY_KEYS.test(key) || MONEY_PARENTS.test(key) ? "money" : "number";
  if (typeof sample === "string" && ISO_TIMESTAMP.test(sample)) return "timestamp";
  return "text";
}

/** A drill-down value for the CSV (timestamps as written by the API, objects as JSON). */
export function drillCsvValue(value: unknown): CsvValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (Array.isArray(value)) return listText(value);
  return JSON.stringify(value);
}

/** Where a record opens: contacts, deals and campaigns have their own pages. */
export function recordHref(item: DrillRecord, kind: DrillSpec["kind"]): string | null {
  const k = typeof item.kind === "string" ? item.kind : kind;
  if (item.id && k === "deal") return `/deals/${item.id}`;
  if (item.id && (k === "contact" || k === "lead")) return `/contacts/${item.id}`;
  if (item.id && k === "campaign") return `/campaigns/${item.id}`;
  if (typeof item.dealId === "string") return `/deals/${item.dealId}`;
  if (typeof item.contactId === "string") return `/contacts/${item.contactId}`;
  return null;
}

/** A list value as text: names of records (`decisionMakers`), or the items themselves. */
export function listText(value: unknown[]): string {
  return value.map((v) => (v && typeof v === "object" ? String((v as { name?: unknown }).name ?? JSON.stringify(v)) : String(v))).join("; ");
}
