import type { Condition, DefinitionBody, EngagementRule, FitField, FitRule, Operator } from "../../../../shared/contracts/agreement.js";
import { NUMERIC_FIT_FIELDS } from "../../../lib/agreement-labels";

// The editor's own shape of a definition: inputs hold text and numbers as typed, and every row has a stable
// React key. `toBody` turns it into the API body, which DefinitionBodySchema then checks.

export type NumberValue = number | string;
export type ConditionDraft = { key: string; field: FitField; op: Operator; text: NumberValue; list: string[] };
export type FitRuleDraft = { key: string; id: string | null; label: string; points: NumberValue; conditions: ConditionDraft[] };
export type PropertyKind = "text" | "number" | "boolean";
export type PropertyDraft = { key: string; name: string; kind: PropertyKind; value: string };
export type EngagementRuleDraft = {
  key: string;
  id: string | null;
  label: string;
  points: NumberValue;
  types: string[];
  channels: string[];
  campaignIds: string[];
  assetStages: string[];
  properties: PropertyDraft[];
  capped: boolean;
  cap: { count: NumberValue; windowDays: NumberValue };
};
export type DefinitionDraft = {
  fitRules: FitRuleDraft[];
  gradeThresholds: { A: NumberValue; B: NumberValue; C: NumberValue };
  engagementRules: EngagementRuleDraft[];
  halfLifeDays: NumberValue;
  mqlRule: { grades: string[]; engagementThreshold: NumberValue };
  notes: string;
};

let nextKey = 0;
/** A fresh React key for a new row. */
export const newKey = (prefix: string) => `${prefix}-new-${++nextKey}`;

/** Operators that take no value / a list of values / a number. */
export const NO_VALUE_OPS: ReadonlySet<Operator> = new Set(["exists", "not_exists"]);
export const LIST_OPS: ReadonlySet<Operator> = new Set(["in", "not_in"]);
export const NUMBER_OPS: ReadonlySet<Operator> = new Set(["gt", "gte", "lt", "lte"]);

/** Whether a condition's single value is a number (a comparison, or equality on a numeric field). */
export function takesNumber(c: Pick<ConditionDraft, "field" | "op">): boolean {
  return NUMBER_OPS.has(c.op) || (NUMERIC_FIT_FIELDS.has(c.field) && (c.op === "eq" || c.op === "neq"));
}

function conditionDraft(c: Condition, key: string): ConditionDraft {
  const list = Array.isArray(c.value) ? c.value.map(String) : [];
  const text = Array.isArray(c.value) || c.value === undefined ? "" : c.value;
  return { key, field: c.field, op: c.op, text, list };
}

function propertyDraft(name: string, value: string | number | boolean, key: string): PropertyDraft {
  const kind: PropertyKind = typeof value === "number" ? "number" : typeof value === "boolean" ? "boolean" : "text";
  return { key, name, kind, value: String(value) };
}

/** The editor's draft of a saved definition. */
export function draftOf(d: DefinitionBody | (Omit<DefinitionBody, "notes"> & { notes: string | null })): DefinitionDraft {
  return {
    fitRules: d.fitRules.map((r, i) => ({ key: `fit-${i}`, id: r.id, label: r.label, points: r.points, conditions: r.conditions.map((c, j) => conditionDraft(c, `fit-${i}-c${j}`)) })),
    gradeThresholds: { ...d.gradeThresholds },
    engagementRules: d.engagementRules.map((r, i) => ({
      key: `eng-${i}`,
      id: r.id,
      label: r.label,
      points: r.points,
      types: r.match.types ?? [],
      channels: r.match.channels ?? [],
      campaignIds: r.match.campaignIds ?? [],
      assetStages: r.match.assetStages ?? [],
      properties: Object.entries(r.match.properties ?? {}).map(([k, v], j) => propertyDraft(k, v, `eng-${i}-p${j}`)),
      capped: !!r.cap,
      cap: { count: r.cap?.count ?? 3, windowDays: r.cap?.windowDays ?? 7 },
    })),
    halfLifeDays: d.halfLifeDays,
    mqlRule: { grades: [...d.mqlRule.grades], engagementThreshold: d.mqlRule.engagementThreshold },
    notes: d.notes ?? "",
  };
}

/** An empty new fit rule. */
export function newFitRule(): FitRuleDraft {
  return { key: newKey("fit"), id: null, label: "", points: 10, conditions: [newCondition()] };
}

/** An empty new condition. */
export function newCondition(): ConditionDraft {
  return { key: newKey("cond"), field: "contact.seniority", op: "in", text: "", list: [] };
}

/** An empty new engagement rule. */
export function newEngagementRule(): EngagementRuleDraft {
  return { key: newKey("eng"), id: null, label: "", points: 5, types: [], channels: [], campaignIds: [], assetStages: [], properties: [], capped: false, cap: { count: 3, windowDays: 7 } };
}

/** An empty new property match. */
export function newProperty(): PropertyDraft {
  return { key: newKey("prop"), name: "", kind: "text", value: "" };
}

// An empty input stays undefined so the schema reports it as required.
const num = (v: NumberValue): number | undefined => (v === "" || v === null || v === undefined ? undefined : typeof v === "number" ? v : Number(v));

function slug(label: string): string {
  return (
    label
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 40) || "rule"
  );
}

// New rules get an id from their label; ids already used in this version are kept as they are (diffs follow them).
function assignIds<R extends { id: string | null; label: string }>(rules: R[]): string[] {
  const taken = new Set(rules.map((r) => r.id).filter((id): id is string => !!id));
  return rules.map((r) => {
    if (r.id) return r.id;
    const base = slug(r.label);
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    return id;
  });
}

function conditionValue(c: ConditionDraft): Condition["value"] {
  if (NO_VALUE_OPS.has(c.op)) return undefined;
  const numeric = NUMERIC_FIT_FIELDS.has(c.field);
  if (LIST_OPS.has(c.op)) return c.list.map((v) => (numeric && v.trim() !== "" && Number.isFinite(Number(v)) ? Number(v) : v.trim()));
  if (takesNumber(c)) return num(c.text);
  const t = String(c.text).trim();
  return t === "" ? undefined : t;
}

function propertyValue(p: PropertyDraft): string | number | boolean | undefined {
  if (p.kind === "boolean") return p.value === "true";
  if (p.kind === "number") return p.value.trim() === "" ? undefined : Number(p.value);
  return p.value;
}

function engagementRule(r: EngagementRuleDraft, id: string): Partial<EngagementRule> {
  const match: EngagementRule["match"] = {};
  if (r.types.length) match.types = r.types as EngagementRule["match"]["types"];
  if (r.channels.length) match.channels = r.channels;
  if (r.campaignIds.length) match.campaignIds = r.campaignIds;
  if (r.assetStages.length) match.assetStages = r.assetStages as EngagementRule["match"]["assetStages"];
  if (r.properties.length) match.properties = Object.fromEntries(r.properties.map((p) => [p.name.trim(), propertyValue(p)])) as Record<string, string | number | boolean>;
  const rule: Partial<EngagementRule> = { id, label: r.label, match, points: num(r.points) };
  if (r.capped) rule.cap = { count: num(r.cap.count) as number, windowDays: num(r.cap.windowDays) as number };
  return rule;
}

/** The API body of a draft, unchecked: DefinitionBodySchema validates it (and the server again). */
export function toBody(d: DefinitionDraft): unknown {
  const fitIds = assignIds(d.fitRules);
  const engIds = assignIds(d.engagementRules);
  return {
    fitRules: d.fitRules.map((r, i): Partial<FitRule> => ({
      id: fitIds[i],
      label: r.label,
      points: num(r.points),
      conditions: r.conditions.map((c) => ({ field: c.field, op: c.op, value: conditionValue(c) })),
    })),
    gradeThresholds: { A: num(d.gradeThresholds.A), B: num(d.gradeThresholds.B), C: num(d.gradeThresholds.C) },
    engagementRules: d.engagementRules.map((r, i) => engagementRule(r, engIds[i] as string)),
    halfLifeDays: num(d.halfLifeDays),
    mqlRule: { grades: [...d.mqlRule.grades].sort(), engagementThreshold: num(d.mqlRule.engagementThreshold) },
    notes: d.notes.trim() === "" ? undefined : d.notes,
  };
}

/** A copy of a list with item `i` replaced by `fn(item)`. */
export function updateAt<T>(list: T[], i: number, fn: (item: T) => T): T[] {
  return list.map((item, j) => (j === i ? fn(item) : item));
}

/** A copy of a list without item `i`. */
export function removeAt<T>(list: T[], i: number): T[] {
  return list.filter((_, j) => j !== i);
}

/** A copy of a list with item `i` moved one place up (-1) or down (+1). */
export function moveAt<T>(list: T[], i: number, by: -1 | 1): T[] {
  const j = i + by;
  if (j < 0 || j >= list.length) return list;
  const next = [...list];
  [next[i], next[j]] = [next[j] as T, next[i] as T];
  return next;
}
