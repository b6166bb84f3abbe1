import { FIT_FIELDS, OPERATORS, type Condition, type FitField, type Operator } from "../../../../shared/contracts/agreement.js";
import type { RoutingRuleKind } from "../../../../shared/domain/routing.js";
import { humanize } from "../../../lib/format";
import { operatorLabel } from "../../../lib/agreement-labels";

export const KIND_LABELS: Record<RoutingRuleKind, string> = {
  account_owner: "Account owner",
  territory: "Territory",
  round_robin: "Round-robin",
};

export const KIND_DESCRIPTIONS: Record<RoutingRuleKind, string> = {
  account_owner: "The lead's account already has an owner: they get it.",
  territory: "Leads matching the conditions go to one rep.",
  round_robin: "Reps of a team take turns; a rep at capacity is skipped.",
};


const NUMERIC_FIELDS: ReadonlySet<string> = new Set(["account.employees", "account.annual_revenue"]);
const LIST_OPS: ReadonlySet<string> = new Set(["in", "not_in"]);
const NO_VALUE_OPS: ReadonlySet<string> = new Set(["exists", "not_exists"]);

/** A condition field in words: `account.employees` → `Account employees`. */
export function fieldLabel(field: string): string {
  const [side, name] = field.split(".");
  return `${humanize(side)} ${humanize(name).toLowerCase()}`;
}

/** Field options grouped by contact and account, for a Select. */
export const FIELD_OPTIONS = (["contact", "account"] as const).map((side) => ({
  group: humanize(side),
  items: FIT_FIELDS.filter((f) => f.startsWith(`${side}.`)).map((f) => ({ value: f, label: fieldLabel(f) })),
}));

/** Operator options in words, for a Select. */
export const OPERATOR_OPTIONS = OPERATORS.map((op) => ({ value: op, label: operatorLabel(op) }));

/** Whether the operator takes no value (`is filled in`). */
export function takesNoValue(op: string): boolean {
  return NO_VALUE_OPS.has(op);
}

/** A condition as a form row edits it: the value as typed (lists comma-separated). */
export type ConditionDraft = { field: FitField; op: Operator; value: string };

const scalar = (field: string, op: string, v: string): string | number => {
  const n = Number(v);
  return (NUMERIC_FIELDS.has(field) || ["gt", "gte", "lt", "lte"].includes(op)) && v !== "" && Number.isFinite(n) ? n : v;
};

/** A form row to the API's condition shape (the contract schema then checks it). */
export function toCondition(d: ConditionDraft): Record<string, unknown> {
  if (NO_VALUE_OPS.has(d.op)) return { field: d.field, op: d.op };
  const text = d.value.trim();
  if (LIST_OPS.has(d.op)) return { field: d.field, op: d.op, value: text.split(",").map((s) => s.trim()).filter(Boolean).map((s) => scalar(d.field, d.op, s)) };
  return { field: d.field, op: d.op, value: text === "" ? undefined : scalar(d.field, d.op, text) };
}

/** A stored condition as a form row. */
export function fromCondition(c: Condition): ConditionDraft {
  const value = c.value === undefined ? "" : Array.isArray(c.value) ? c.value.join(", ") : String(c.value);
  return { field: c.field, op: c.op, value };
}

/** A condition in words: `Account region is one of EMEA, UK`. */
export function describeCondition(c: Condition): string {
  const value = c.value === undefined ? "" : ` ${Array.isArray(c.value) ? c.value.join(", ") : String(c.value)}`;
  return `${fieldLabel(c.field)} ${operatorLabel(c.op)}${value}`;
}

/** A new, empty condition row. */
export function emptyCondition(): ConditionDraft {
  return { field: "account.region", op: "eq", value: "" };
}
