/**
 * SDR commission (docs/WINLOSS-TEAM.md): two plan kinds computed from the same facts, so a statement and the
 * what-if comparison can never disagree. Amounts are summed in cents to keep totals exact.
 */

export const COMP_PLAN_KINDS = ["per_meeting", "revenue_share"] as const;
export type CompPlanKind = (typeof COMP_PLAN_KINDS)[number];

/** What a plan pays: an amount per accepted meeting, or a percentage of sourced won revenue with clawback on early churn. */
export type CompPlanRule = { kind: "per_meeting"; amountPerMeeting: number } | { kind: "revenue_share"; ratePercent: number; clawbackDays: number };

/** A meeting the rep held with a lead sales accepted; `month` is `YYYY-MM` in the workspace's zone. */
export type MeetingFact = { id: string; label: string; at: string; month: string };

/** A won deal the rep sourced, with the first churn after the win (if any) and the months in the workspace's zone. */
export type SourcedWinFact = { id: string; label: string; amount: number; wonAt: string; wonMonth: string; churnedAt: string | null; churnMonth: string | null };

export type RepFacts = { meetings: MeetingFact[]; wins: SourcedWinFact[] };

export type StatementLine = { kind: "meeting" | "deal" | "clawback"; refId: string; label: string; at: string; base: number; amount: number };
export type Statement = { lines: StatementLine[]; total: number };

const DAY_MS = 86_400_000;
const cents = (x: number) => Math.round(x * 100);

/** The commission on one won deal under a revenue-share plan, rounded to the cent. */
export function dealCommission(amount: number, ratePercent: number): number {
  return Math.round(amount * ratePercent) / 100;
}

/** Whether a churn claws back the win: it came after the win and within the plan's clawback window (days, inclusive). */
export function isEarlyChurn(wonAt: string, churnedAt: string | null, clawbackDays: number): boolean {
  if (!churnedAt) return false;
  const gap = new Date(churnedAt).getTime() - new Date(wonAt).getTime();
  return gap >= 0 && gap <= clawbackDays * DAY_MS;
}

/**
 * One rep's statement for one month under a plan: a line per accepted meeting of the month (per-meeting plan), or a
 * line per sourced deal won in the month plus a negative line per sourced deal that churned early in the month
 * (revenue share; the win may lie in an earlier month). Lines are in time order.
 */
export function statementFor(plan: CompPlanRule, month: string, facts: RepFacts): Statement {
  const lines: StatementLine[] = [];
  if (plan.kind === "per_meeting") {
    for (const m of facts.meetings) if (m.month === month) lines.push({ kind: "meeting", refId: m.id, label: m.label, at: m.at, base: 1, amount: plan.amountPerMeeting });
  } else {
    for (const w of facts.wins) {
      const commission = dealCommission(w.amount, plan.ratePercent);
      if (w.wonMonth === month) lines.push({ kind: "deal", refId: w.id, label: w.label, at: w.wonAt, base: w.amount, amount: commission });
      if (w.churnMonth === month && isEarlyChurn(w.wonAt, w.churnedAt, plan.clawbackDays)) {
        lines.push({ kind: "clawback", refId: w.id, label: `Clawback: ${w.label} churned`, at: w.churnedAt!, base: w.amount, amount: -commission });
      }
    }
  }
  lines.sort((a, b) => a.at.localeCompare(b.at) || a.kind.localeCompare(b.kind));
  return { lines, total: lines.reduce((s, l) => s + cents(l.amount), 0) / 100 };
}

/** The months from `from` to `to` (`YYYY-MM`, both included). */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split("-").map(Number) as [number, number];
  const [ty, tm] = to.split("-").map(Number) as [number, number];
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, "0")}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
    if (out.length > 240) break;
  }
  return out;
}

export type WhatIfRow = { month: string; a: number; b: number };

/** What plan A and plan B would have paid one rep, month by month, on the same facts. */
export function whatIfFor(planA: CompPlanRule, planB: CompPlanRule, months: string[], facts: RepFacts): WhatIfRow[] {
  return months.map((month) => ({ month, a: statementFor(planA, month, facts).total, b: statementFor(planB, month, facts).total }));
}
