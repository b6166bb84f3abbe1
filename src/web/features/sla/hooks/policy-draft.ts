import { DEFAULT_TERMS, TERMS_SCHEMAS, type MqlTargetTerms, type RecycleTerms, type SegmentField, type SlaKind, type TimerTerms } from "../../../../shared/contracts/sla.js";
import { friendlyMessage } from "../../../lib/use-form-state";

type Step = { on: boolean; hours: number | string };

/** The policy form's values, in the units people think in: hours and percentages. */
export type PolicyDraft = {
  name: string;
  teamId: string | null;
  enabled: boolean;
  dueHours: number | string;
  warnPercent: number | string;
  remind: Step;
  notify: Step;
  reassign: Step;
  minAttempts: number | string;
  overHours: number | string;
  period: "month" | "quarter";
  segmentField: SegmentField | null;
  segmentValue: string;
  mqlTarget: number | string;
  minAcceptancePercent: number | string;
};

const h = (minutes: number) => Math.round((minutes / 60) * 100) / 100;
const min = (hours: number | string) => Math.round(Number(hours) * 60);
const step = (m: number | null, fallback: number): Step => ({ on: m !== null, hours: h(m ?? fallback) });

/** Form values from a policy's terms (or the kind's defaults for a new policy). */
export function toDraft(kind: SlaKind, terms: Record<string, unknown> | undefined, base: { name: string; teamId: string | null; enabled: boolean }): PolicyDraft {
  const timer = (kind === "accept" || kind === "first_touch" ? (terms ?? DEFAULT_TERMS[kind]) : DEFAULT_TERMS.accept) as TimerTerms;
  const recycle = (kind === "recycle_attempts" && terms ? terms : DEFAULT_TERMS.recycle_attempts) as RecycleTerms;
  const target = (kind === "mql_target" && terms ? terms : DEFAULT_TERMS.mql_target) as MqlTargetTerms;
  return {
    ...base,
    dueHours: h(timer.dueMinutes),
    warnPercent: Math.round(timer.warnFraction * 100),
    remind: step(timer.escalation.remindOwnerAfterMinutes, 60),
    notify: step(timer.escalation.notifyManagerAfterMinutes, 240),
    reassign: step(timer.escalation.reassignAfterMinutes, 480),
    minAttempts: recycle.minAttempts,
    overHours: h(recycle.overBusinessMinutes),
    period: target.period,
    segmentField: target.segment?.field ?? null,
    segmentValue: target.segment?.value ?? "",
    mqlTarget: target.mqlTarget,
    minAcceptancePercent: Math.round(target.minAcceptanceRate * 1000) / 10,
  };
}

/** The API's terms for a kind from the form values (not yet validated). */
export function toTerms(kind: SlaKind, d: PolicyDraft): Record<string, unknown> {
  if (kind === "accept" || kind === "first_touch") {
    return {
      dueMinutes: min(d.dueHours),
      warnFraction: Number(d.warnPercent) / 100,
      escalation: {
        remindOwnerAfterMinutes: d.remind.on ? min(d.remind.hours) : null,
        notifyManagerAfterMinutes: d.notify.on ? min(d.notify.hours) : null,
        reassignAfterMinutes: d.reassign.on ? min(d.reassign.hours) : null,
      },
    };
  }
  if (kind === "recycle_attempts") return { minAttempts: Number(d.minAttempts), overBusinessMinutes: min(d.overHours) };
  return {
    period: d.period,
    segment: d.segmentField ? { field: d.segmentField, value: d.segmentValue } : null,
    mqlTarget: Number(d.mqlTarget),
    minAcceptanceRate: Number(d.minAcceptancePercent) / 100,
  };
}

// Error paths (after `body.`) → the form field that shows them.
const FIELD_OF: Record<string, string> = {
  name: "name",
  teamId: "teamId",
  "terms.dueMinutes": "dueHours",
  "terms.warnFraction": "warnPercent",
  "terms.escalation.remindOwnerAfterMinutes": "remind",
  "terms.escalation.notifyManagerAfterMinutes": "notify",
  "terms.escalation.reassignAfterMinutes": "reassign",
  "terms.minAttempts": "minAttempts",
  "terms.overBusinessMinutes": "overHours",
  "terms.period": "period",
  "terms.segment.field": "segmentField",
  "terms.segment.value": "segmentValue",
  "terms.segment": "segmentValue",
  "terms.mqlTarget": "mqlTarget",
  "terms.minAcceptanceRate": "minAcceptancePercent",
};

/** Puts error messages keyed by API path onto form fields; what matches no field comes back as `rest`. */
export function fieldErrorsOf(byPath: Record<string, string>): { fields: Record<string, string>; rest: string[] } {
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  for (const [path, message] of Object.entries(byPath)) {
    const field = FIELD_OF[path];
    if (field) fields[field] ??= message;
    else rest.push(path ? `${path}: ${message}` : message);
  }
  return { fields, rest };
}

const FRACTIONS = new Set(["terms.warnFraction", "terms.minAcceptanceRate"]);
type Issue = Parameters<typeof friendlyMessage>[0];

// The schema's bounds are in minutes and 0–1 fractions; the form shows hours and percentages.
function inFormUnits(path: string, issue: Issue): string | null {
  const bound = typeof issue.maximum === "number" ? issue.maximum : typeof issue.minimum === "number" ? issue.minimum : null;
  if (bound === null || (issue.code !== "too_big" && issue.code !== "too_small")) return null;
  const word = issue.code === "too_big" ? "at most" : "at least";
  if (FRACTIONS.has(path)) return path === "terms.warnFraction" ? "Must be between 1 and 99 %" : `Must be ${word} ${bound * 100} %`;
  if (path.endsWith("Minutes")) return `Must be ${word} ${Math.round((bound / 60) * 100) / 100} h`;
  return null;
}

/** Checks terms with the kind's contract schema; returns error messages keyed by `terms.…` path (empty when valid). */
export function checkTerms(kind: SlaKind, terms: Record<string, unknown>): Record<string, string> {
  const result = TERMS_SCHEMAS[kind].safeParse(terms);
  if (result.success) return {};
  const out: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const path = ["terms", ...issue.path.map(String)].join(".");
    out[path] ??= inFormUnits(path, issue) ?? friendlyMessage(issue);
  }
  return out;
}
