import type { FitField, MqlRule, Operator } from "../../shared/contracts/agreement.js";
import { humanize } from "./format";

const FIELD_LABELS: Record<FitField, string> = {
  "contact.seniority": "Seniority",
  "contact.title": "Job title",
  "contact.department": "Department",
  "contact.country": "Contact country",
  "contact.persona": "Persona",
  "contact.source": "Lead source",
  "contact.channel": "Lead channel",
  "contact.email_domain": "E-mail domain",
  "account.industry": "Industry",
  "account.employees": "Employees",
  "account.annual_revenue": "Annual revenue",
  "account.country": "Account country",
  "account.region": "Region",
  "account.segment": "Segment",
  "account.customer_status": "Customer status",
};

/** Fields holding numbers: compared with numbers, never with text. */
export const NUMERIC_FIT_FIELDS: ReadonlySet<FitField> = new Set(["account.employees", "account.annual_revenue"]);

/** A fit field in words, e.g. `account.employees` → `Employees`. */
export function fitFieldLabel(field: string): string {
  return FIELD_LABELS[field as FitField] ?? humanize(field.split(".").pop());
}

/** Whether a fit field is read from the contact or from its account. */
export function fitFieldGroup(field: string): "Contact" | "Account" {
  return field.startsWith("account.") ? "Account" : "Contact";
}

const OPERATOR_LABELS: Record<Operator, string> = {
  eq: "is",
  neq: "is not",
  in: "is one of",
  not_in: "is none of",
  gt: "is more than",
  gte: "is at least",
  lt: "is less than",
  lte: "is at most",
  contains: "contains",
  exists: "is filled in",
  not_exists: "is empty",
};

/** A condition operator in words, e.g. `gte` → `is at least`. */
export function operatorLabel(op: string): string {
  return OPERATOR_LABELS[op as Operator] ?? op;
}

/** Grades joined for a sentence: `A`, `A or B`, `A, B or C`. */
export function gradeList(grades: readonly string[]): string {
  const sorted = [...grades].sort();
  if (sorted.length <= 1) return sorted.join("");
  return `${sorted.slice(0, -1).join(", ")} or ${sorted[sorted.length - 1]}`;
}

/** The MQL rule in words: `grade A or B and engagement ≥ 40`. */
export function describeMqlRule(rule: MqlRule): string {
  return `grade ${gradeList(rule.grades)} and engagement ≥ ${rule.engagementThreshold}`;
}

/** Points with their sign, e.g. `+20`, `−30`. */
export function formatPoints(points: number): string {
  const rounded = Math.round(points * 10) / 10;
  return rounded > 0 ? `+${rounded}` : rounded < 0 ? `−${Math.abs(rounded)}` : "0";
}

const STATUS_LABELS: Record<string, string> = { draft: "Draft", proposed: "Awaiting approval", active: "Active", superseded: "Superseded" };
const STATUS_COLORS: Record<string, string> = { draft: "gray", proposed: "orange", active: "green", superseded: "dark" };

/** A lead definition status in words (`proposed` → `Awaiting approval`). */
export function definitionStatusLabel(status: string): string {
  return STATUS_LABELS[status] ?? humanize(status);
}

/** The Mantine color of a lead definition status badge. */
export function definitionStatusColor(status: string): string {
  return STATUS_COLORS[status] ?? "gray";
}
