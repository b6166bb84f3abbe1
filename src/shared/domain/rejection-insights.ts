/**
 * Turning rejections into a proposed change of the lead definition (issue 4: "38 % of rejections from campaign X are
 * 'student' — add a negative fit rule"). Pure: the server supplies the facts of rejected and accepted leads.
 */
import type { FitField, FitRule, GradeThresholds } from "../contracts/agreement.js";
import { LIMITS } from "../limits.js";

/** Fit fields a signal may be found in (categorical ones: a value either is the trait or is not). */
export const SIGNAL_FIELDS = [
  "contact.title",
  "contact.seniority",
  "contact.department",
  "contact.persona",
  "contact.country",
  "contact.email_domain",
  "account.industry",
  "account.region",
  "account.segment",
  "account.customer_status",
] as const satisfies readonly FitField[];
export type SignalField = (typeof SIGNAL_FIELDS)[number];

/** One lead's values of the signal fields. */
export type LeadFacts = Partial<Record<SignalField, string | null>>;

export type Signal = { field: SignalField; values: string[]; rejectedShare: number; acceptedShare: number };

// A value is part of a signal when it is common among the rejected leads and at least this many times rarer among
// accepted ones; a signal must cover most rejected leads and few accepted ones, or it would cost good leads.
const MIN_VALUE_SHARE = 0.05;
// One lead is an anecdote: a value needs at least two rejected leads behind it.
const MIN_VALUE_COUNT = 2;
const MIN_LIFT = 4;
const MIN_COVERAGE = 0.5;
const MAX_ACCEPTED_COVERAGE = 0.15;
const MAX_VALUES = 12;

function counts(leads: readonly LeadFacts[], field: SignalField): Map<string, number> {
  const out = new Map<string, number>();
  for (const l of leads) {
    const v = l[field];
    if (v) out.set(v, (out.get(v) ?? 0) + 1);
  }
  return out;
}

/**
 * The field and values that best tell these rejected leads from accepted ones: the values most over-represented
 * among the rejected (each behind at least two of them), kept when the field's values together cover ≥ 50 % of the rejected and ≤ 15 % of the accepted.
 * Ties go to the field listed first. Null when no field separates them.
 */
export function findSignal(rejected: readonly LeadFacts[], accepted: readonly LeadFacts[]): Signal | null {
  if (rejected.length === 0) return null;
  let best: (Signal & { score: number }) | null = null;
  for (const field of SIGNAL_FIELDS) {
    const rc = counts(rejected, field);
    const ac = counts(accepted, field);
    const r = (v: string) => (rc.get(v) ?? 0) / rejected.length;
    const a = (v: string) => (ac.get(v) ?? 0) / Math.max(1, accepted.length);
    const values = [...rc]
      .filter(([v, n]) => n >= MIN_VALUE_COUNT && r(v) >= MIN_VALUE_SHARE && r(v) >= MIN_LIFT * a(v))
      .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
      .slice(0, MAX_VALUES)
      .map(([v]) => v);
    const rejectedShare = values.reduce((sum, v) => sum + r(v), 0);
    const acceptedShare = values.reduce((sum, v) => sum + a(v), 0);
    if (rejectedShare < MIN_COVERAGE || acceptedShare > MAX_ACCEPTED_COVERAGE) continue;
    const score = rejectedShare - acceptedShare;
    if (!best || score > best.score + 1e-12) best = { field, values: values.sort(), rejectedShare, acceptedShare, score };
  }
  if (!best) return null;
  const { score: _score, ...signal } = best;
  return signal;
}

/** A negative fit rule for a signal: −(grade A threshold) points, enough to take a lead at the A threshold to D. */
export function negativeRule(signal: Signal, reasonCode: string, reasonLabel: string, thresholds: GradeThresholds): FitRule {
  const label = `${reasonLabel}: ${signal.field} in ${signal.values.join(", ")}`;
  return {
    id: `feedback-${reasonCode}-${signal.field.replace(/\W/g, "-")}`.slice(0, 60),
    label: label.length > LIMITS.shortText ? `${label.slice(0, LIMITS.shortText - 1)}…` : label,
    conditions: [{ field: signal.field, op: "in", value: signal.values }],
    points: -Math.max(1, Math.abs(thresholds.A)),
  };
}

const pct = (x: number) => `${Math.round(x * 100)} %`;

/** The suggestion in words. */
export function describeSuggestion(s: { share: number; count: number; groupLabel: string; reasonLabel: string; signal: Signal }): string {
  return (
    `${pct(s.share)} of rejections from ${s.groupLabel} are "${s.reasonLabel}" (${s.count}); ${pct(s.signal.rejectedShare)} of those have ` +
    `${s.signal.field} in (${s.signal.values.join(", ")}) against ${pct(s.signal.acceptedShare)} of accepted leads — add a negative fit rule.`
  );
}
