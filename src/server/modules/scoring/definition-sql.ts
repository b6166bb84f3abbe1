/**
 * A lead definition compiled to SQL, so a whole workspace is scored by the database in a few set-based
 * statements instead of row by row. The expressions mirror src/shared/domain/scoring.ts exactly (trimmed,
 * case-insensitive comparisons, a blank value counts as missing, first matching engagement rule wins).
 * Capped rules need each earlier scoring touch, which SQL cannot express without recursion: such definitions
 * are scored by the streaming path instead (`isCompilable`). The same compiler writes DuckDB's dialect for
 * the P5 benchmark peer.
 */
import type { Condition, DefinitionBody, FitField } from "../../../shared/contracts/agreement.js";

export type Dialect = "postgres" | "duckdb";
export type CompilableRules = Pick<DefinitionBody, "fitRules" | "gradeThresholds" | "engagementRules" | "halfLifeDays" | "mqlRule">;

/** Column expressions per fit field; the caller's query names the contact `c` and its account `a`. */
const FIELD_SQL: Record<FitField, { expr: string; numeric?: boolean }> = {
  "contact.seniority": { expr: "c.seniority" },
  "contact.title": { expr: "c.title" },
  "contact.department": { expr: "c.department" },
  "contact.country": { expr: "c.country" },
  "contact.persona": { expr: "c.persona" },
  "contact.source": { expr: "c.source" },
  "contact.channel": { expr: "c.channel" },
  "contact.email_domain": { expr: "c.email_domain" },
  "account.industry": { expr: "a.industry" },
  "account.employees": { expr: "a.employees", numeric: true },
  "account.annual_revenue": { expr: "a.annual_revenue", numeric: true },
  "account.country": { expr: "a.country" },
  "account.region": { expr: "a.region" },
  "account.segment": { expr: "a.segment" },
  "account.customer_status": { expr: "a.customer_status" },
};

/**
 * A SQL string literal safe under any server setting: PostgreSQL gets an escape string (`E'…'`, backslashes and
 * quotes escaped), so `standard_conforming_strings = off` cannot turn a rule value into SQL; DuckDB has no
 * backslash escapes, so doubling quotes is all it needs.
 */
export function quote(v: string, dialect: Dialect = "postgres"): string {
  if (v.includes("\0")) throw new Error("a rule value may not contain a NUL character");
  return dialect === "postgres" ? `E'${v.replace(/\\/g, "\\\\").replace(/'/g, "''")}'` : `'${v.replace(/'/g, "''")}'`;
}

// What JavaScript's String.prototype.trim removes (the domain rule trims with it).
const JS_WHITESPACE = " \t\n\v\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff";
const trimmed = (expr: string, dialect: Dialect) => (dialect === "postgres" ? `btrim(${expr}, ${quote(JS_WHITESPACE, dialect)})` : `trim(${expr}, ${quote(JS_WHITESPACE, dialect)})`);
const num = (v: unknown) => {
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`not a number: ${String(v)}`);
  return String(n);
};

// The numbers of a list: a numeric field never equals text.
const numbers = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is number => typeof x === "number").map(num).join(", ") : "");

function conditionSql(c: Condition, dialect: Dialect): string {
  const { expr, numeric } = FIELD_SQL[c.field];
  const normalised = (v: string) => quote(v.trim().toLowerCase(), dialect);
  const value = numeric ? `(${expr})::float8` : `lower(${trimmed(expr, dialect)})`;
  const missing = numeric ? `(${expr}) is null` : `coalesce(${trimmed(expr, dialect)}, '') = ''`;
  // A text field equals only text: numbers in a rule's value never match it (as in the domain rule).
  const list = Array.isArray(c.value) ? c.value.filter((x): x is string => typeof x === "string").map(normalised).join(", ") : "";
  const one = () => (typeof c.value === "string" ? normalised(c.value) : "null");
  const options = numeric ? numbers(c.value) : list;
  switch (c.op) {
    case "exists": return `not ${missing}`;
    case "not_exists": return missing;
    // A numeric field equals only numbers (a rule value "200" as text never matches 200, as in the domain rule).
    case "eq": return numeric ? (typeof c.value === "number" ? `coalesce(${value} = ${num(c.value)}, false)` : "false") : `(not ${missing} and ${value} = ${one()})`;
    case "neq": return numeric ? (typeof c.value === "number" ? `(${missing} or ${value} <> ${num(c.value)})` : "true") : typeof c.value === "string" ? `(${missing} or ${value} <> ${one()})` : "true";
    case "in": return options ? `(not ${missing} and ${value} in (${options}))` : "false";
    case "not_in": return options ? `(${missing} or ${value} not in (${options}))` : "true";
    // A number reads as JavaScript prints it (1500000, not 1500000.00).
    case "contains": return `(not ${missing} and strpos(${numeric ? `(${expr})::float8::text` : value}, ${normalised(String(c.value))}) > 0)`;
    case "gt": return numeric ? `coalesce(${value} > ${num(c.value)}, false)` : "false";
    case "gte": return numeric ? `coalesce(${value} >= ${num(c.value)}, false)` : "false";
    case "lt": return numeric ? `coalesce(${value} < ${num(c.value)}, false)` : "false";
    case "lte": return numeric ? `coalesce(${value} <= ${num(c.value)}, false)` : "false";
  }
}

/** Whether the set-based path can score this definition (no caps; the streaming path handles those). */
export function isCompilable(d: CompilableRules): boolean {
  return d.engagementRules.every((r) => !r.cap);
}

/** Fit points of contact `c` with account `a`. */
export function fitPointsSql(d: CompilableRules, dialect: Dialect = "postgres"): string {
  return d.fitRules.map((r) => `(case when ${r.conditions.map((c) => conditionSql(c, dialect)).join(" and ")} then ${num(r.points)} else 0 end)`).join(" + ") || "0";
}

/** The grade for a fit-points expression. */
export function gradeSql(d: CompilableRules, points: string): string {
  const t = d.gradeThresholds;
  return `(case when ${points} >= ${num(t.A)} then 'A' when ${points} >= ${num(t.B)} then 'B' when ${points} >= ${num(t.C)} then 'C' else 'D' end)`;
}

function matchSql(d: CompilableRules["engagementRules"][number], dialect: Dialect): string {
  const m = d.match;
  const conds: string[] = [];
  const list = (values: readonly string[]) => values.map((v) => quote(v, dialect)).join(", ");
  if (m.types?.length) conds.push(`t.type in (${list(m.types)})`);
  if (m.channels?.length) conds.push(`t.channel in (${list(m.channels)})`);
  // As text, like the domain rule's exact comparison (an upper-case id in a rule matches nothing there either).
  if (m.campaignIds?.length) conds.push(`t.campaign_id::text in (${list(m.campaignIds)})`);
  // Touches carry no asset stage yet (the enablement module adds assets), so such a rule never matches.
  if (m.assetStages?.length) conds.push("false");
  for (const [k, v] of Object.entries(m.properties ?? {})) {
    if (dialect === "duckdb") throw new Error("property matches are not supported by the DuckDB peer");
    conds.push(`t.properties -> ${quote(k, dialect)} = ${quote(JSON.stringify(v), dialect)}::jsonb`);
  }
  return conds.join(" and ") || "true";
}

/** For touch `t`: the points, id and label of the first matching engagement rule (nulls when none matches). */
export function engagementRuleSql(d: CompilableRules, dialect: Dialect): { points: string; ruleId: string; ruleLabel: string } {
  if (d.engagementRules.length === 0) return { points: "null::float8", ruleId: "null::text", ruleLabel: "null::text" };
  const arm = (pick: (r: CompilableRules["engagementRules"][number]) => string) => `(case ${d.engagementRules.map((r) => `when ${matchSql(r, dialect)} then ${pick(r)}`).join(" ")} else null end)`;
  return { points: arm((r) => `${num(r.points)}::float8`), ruleId: arm((r) => quote(r.id, dialect)), ruleLabel: arm((r) => quote(r.label, dialect)) };
}
