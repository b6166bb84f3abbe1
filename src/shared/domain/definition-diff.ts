import type { Condition, DefinitionBody, EngagementRule, FitRule } from "../contracts/agreement.js";

export type DiffLine = { kind: "added" | "removed" | "changed"; area: "fit" | "grades" | "engagement" | "decay" | "mql"; text: string };

const fmtValue = (v: Condition["value"]) => (Array.isArray(v) ? `(${v.join(", ")})` : v === undefined ? "" : String(v));
const fmtCondition = (c: Condition) => `${c.field} ${c.op}${c.value === undefined ? "" : ` ${fmtValue(c.value)}`}`;
const fmtPoints = (p: number) => (p > 0 ? `+${p}` : String(p));

/** A fit rule in words: `200+ employees (account.employees gte 200) → +20`. */
export function describeFitRule(r: FitRule): string {
  return `${r.label} (${r.conditions.map(fmtCondition).join(" and ")}) → ${fmtPoints(r.points)}`;
}

/** An engagement rule in words. */
export function describeEngagementRule(r: EngagementRule): string {
  const m = r.match;
  const parts = [
    m.types?.length ? `type in (${m.types.join(", ")})` : null,
    m.channels?.length ? `channel in (${m.channels.join(", ")})` : null,
    m.campaignIds?.length ? `${m.campaignIds.length} campaign(s)` : null,
    m.assetStages?.length ? `asset stage in (${m.assetStages.join(", ")})` : null,
    m.properties ? Object.entries(m.properties).map(([k, v]) => `${k} = ${String(v)}`).join(" and ") : null,
  ].filter(Boolean);
  const cap = r.cap ? `, at most ${r.cap.count} per ${r.cap.windowDays} d` : "";
  return `${r.label} (${parts.join(" and ") || "any touch"}) → ${fmtPoints(r.points)}${cap}`;
}

function diffRules<R extends { id: string }>(before: R[], after: R[], area: "fit" | "engagement", describe: (r: R) => string): DiffLine[] {
  const lines: DiffLine[] = [];
  const old = new Map(before.map((r) => [r.id, r]));
  const now = new Map(after.map((r) => [r.id, r]));
  for (const r of after) {
    const prev = old.get(r.id);
    if (!prev) lines.push({ kind: "added", area, text: describe(r) });
    else if (describe(prev) !== describe(r)) lines.push({ kind: "changed", area, text: `${describe(prev)}  ⟶  ${describe(r)}` });
  }
  for (const r of before) if (!now.has(r.id)) lines.push({ kind: "removed", area, text: describe(r) });
  return lines;
}

/** What changed from one definition to another, in sentences both sides can read. */
export function diffDefinitions(before: DefinitionBody, after: DefinitionBody): DiffLine[] {
  const lines = [...diffRules(before.fitRules, after.fitRules, "fit", describeFitRule)];
  const g0 = before.gradeThresholds;
  const g1 = after.gradeThresholds;
  if (g0.A !== g1.A || g0.B !== g1.B || g0.C !== g1.C) {
    lines.push({ kind: "changed", area: "grades", text: `grade thresholds A ≥ ${g0.A}, B ≥ ${g0.B}, C ≥ ${g0.C}  ⟶  A ≥ ${g1.A}, B ≥ ${g1.B}, C ≥ ${g1.C}` });
  }
  lines.push(...diffRules(before.engagementRules, after.engagementRules, "engagement", describeEngagementRule));
  if (before.halfLifeDays !== after.halfLifeDays) lines.push({ kind: "changed", area: "decay", text: `engagement half-life ${before.halfLifeDays} d  ⟶  ${after.halfLifeDays} d` });
  const m0 = before.mqlRule;
  const m1 = after.mqlRule;
  if (m0.engagementThreshold !== m1.engagementThreshold || [...m0.grades].sort().join() !== [...m1.grades].sort().join()) {
    lines.push({
      kind: "changed",
      area: "mql",
      text: `MQL when grade in (${m0.grades.join(", ")}) and engagement ≥ ${m0.engagementThreshold}  ⟶  grade in (${m1.grades.join(", ")}) and engagement ≥ ${m1.engagementThreshold}`,
    });
  }
  return lines;
}

/** The starting point for a workspace's first agreement: common B2B rules both sides can edit. */
export const STARTER_DEFINITION: DefinitionBody = {
  fitRules: [
    { id: "mid-market", label: "200+ employees", conditions: [{ field: "account.employees", op: "gte", value: 200 }], points: 20 },
    { id: "decision-maker", label: "VP or C-level", conditions: [{ field: "contact.seniority", op: "in", value: ["vp", "c_level"] }], points: 25 },
    { id: "manager", label: "Director or manager", conditions: [{ field: "contact.seniority", op: "in", value: ["director", "manager"] }], points: 10 },
    { id: "free-mail", label: "Free-mail address", conditions: [{ field: "contact.email_domain", op: "in", value: ["gmail.com", "yahoo.com", "hotmail.com", "outlook.com"] }], points: -30 },
    { id: "student", label: "Student", conditions: [{ field: "contact.seniority", op: "eq", value: "student" }], points: -50 },
  ],
  gradeThresholds: { A: 40, B: 25, C: 10 },
  engagementRules: [
    { id: "demo-request", label: "Demo request", match: { types: ["form_submit"], properties: { form: "demo" } }, points: 40 },
    { id: "form", label: "Form submission", match: { types: ["form_submit"] }, points: 15 },
    { id: "webinar", label: "Webinar attended", match: { types: ["webinar_attend"] }, points: 15 },
    { id: "content", label: "Content download", match: { types: ["content_download"] }, points: 8, cap: { count: 3, windowDays: 7 } },
    { id: "email-click", label: "E-mail click", match: { types: ["email_click"] }, points: 3, cap: { count: 5, windowDays: 7 } },
    { id: "page-view", label: "Page view", match: { types: ["page_view"] }, points: 1, cap: { count: 10, windowDays: 1 } },
  ],
  halfLifeDays: 30,
  mqlRule: { grades: ["A", "B"], engagementThreshold: 40 },
};
