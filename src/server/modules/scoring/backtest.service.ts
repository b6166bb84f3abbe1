import type { Database } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import type { BacktestResult, BacktestSide } from "../../../shared/contracts/backtest.js";
import type { Grade } from "../../../shared/contracts/agreement.js";
import { gradeFor, scoreFit } from "../../../shared/domain/scoring.js";
import { replayTouches } from "../../../shared/domain/scoring-replay.js";
import type { DefinitionRow } from "../agreement/agreement.repository.js";
import type { ContactRow } from "../crm/contacts.repository.js";
import { fitSubjectOf } from "../crm/scoring-access.js";
import type { ScoringScanRepository } from "./scoring-scan.repository.js";

const PAGE = 2_000;

type Tally = Omit<BacktestSide, "definitionId" | "version" | "byMonth" | "byGrade"> & { months: Map<string, number>; grades: Map<string, number> };

const emptyTally = (): Tally => ({ mqls: 0, accepted: 0, rejected: 0, neverSentToSales: 0, sql: 0, opportunity: 0, won: 0, revenue: 0, months: new Map(), grades: new Map() });

type WonDeal = { amount: number; closedAt: number };

/** Whether sales already had the lead before it would have qualified (a customer or open opportunity is no new MQL). */
function withSalesBefore(c: ContactRow, qualifiedAt: number): boolean {
  return [c.salAt, c.sqlAt, c.opportunityAt, c.customerAt].some((t) => t !== null && t.getTime() < qualifiedAt);
}

/**
 * What sales did with a lead from the moment it would have qualified, as recorded (a later stage counts as having
 * passed the earlier ones); revenue is what its won deals closed for from then on.
 */
function outcomeOf(c: ContactRow, deals: readonly WonDeal[], qualifiedAt: number) {
  const after = (t: Date | null) => t !== null && t.getTime() >= qualifiedAt;
  const revenue = deals.filter((d) => d.closedAt >= qualifiedAt).reduce((sum, d) => sum + d.amount, 0);
  const won = after(c.customerAt) || revenue > 0;
  const opportunity = won || after(c.opportunityAt) || after(c.lostAt) || after(c.noDecisionAt);
  const sql = opportunity || after(c.sqlAt);
  const accepted = sql || after(c.salAt);
  const rejected = !accepted && after(c.rejectedAt);
  return { won, opportunity, sql, accepted, rejected, neverSentToSales: !accepted && !rejected && c.mqlAt === null, revenue };
}

function add(t: Tally, qualifiedAt: number, grade: Grade, o: ReturnType<typeof outcomeOf>) {
  t.mqls += 1;
  if (o.accepted) t.accepted += 1;
  if (o.rejected) t.rejected += 1;
  if (o.neverSentToSales) t.neverSentToSales += 1;
  if (o.sql) t.sql += 1;
  if (o.opportunity) t.opportunity += 1;
  if (o.won) t.won += 1;
  t.revenue += o.revenue;
  const month = new Date(qualifiedAt).toISOString().slice(0, 7);
  t.months.set(month, (t.months.get(month) ?? 0) + 1);
  t.grades.set(grade, (t.grades.get(grade) ?? 0) + 1);
}

function sideOf(def: DefinitionRow, t: Tally, monthKeys: string[]): BacktestSide {
  const { months, grades, ...counts } = t;
  return {
    definitionId: def.id,
    version: def.version,
    ...counts,
    revenue: Math.round(counts.revenue * 100) / 100,
    byMonth: monthKeys.map((month) => ({ month, mqls: months.get(month) ?? 0 })),
    byGrade: ["A", "B", "C", "D"].map((grade) => ({ grade, mqls: grades.get(grade) ?? 0 })),
  };
}

/** The calendar months `YYYY-MM` from `from` to `to`. */
function monthsBetween(from: Date, to: Date): string[] {
  const out: string[] = [];
  const d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), 1));
  while (d <= to) {
    out.push(d.toISOString().slice(0, 7));
    d.setUTCMonth(d.getUTCMonth() + 1);
  }
  return out;
}

/**
 * Back-test (DESIGN §6.2): replays the last N months of touches under a candidate version and the active one,
 * and counts the MQLs each would have made and what sales did with those leads afterwards. A lead sales already
 * had (accepted, opportunity, customer) before that moment is no new MQL. Fit is read from today's contact and
 * account fields (their history is not kept); engagement starts at zero at the start of the period.
 */
export function createBacktestService({ db, scan, clock }: { db: Database; scan: ScoringScanRepository; clock: Clock }) {
  /** Runs the comparison, reporting progress per page of contacts. */
  async function runBacktest(workspaceId: string, candidate: DefinitionRow, baseline: DefinitionRow | null, months: number, onProgress?: (done: number, total: number) => Promise<void> | void): Promise<BacktestResult> {
    const to = clock.now();
    const from = new Date(to);
    from.setUTCMonth(from.getUTCMonth() - months);
    const sides = [candidate, ...(baseline ? [baseline] : [])];
    const withProperties = sides.some((d) => d.engagementRules.some((r) => r.match.properties && Object.keys(r.match.properties).length > 0));
    const { total, touches } = await db.inWorkspace(workspaceId, async (tx) => {
      return { total: await scan.countContacts(tx, workspaceId), touches: await scan.countTouches(tx, workspaceId, from, to) };
    });
    const tallies = sides.map(() => emptyTally());
    let onlyCandidate = 0;
    let onlyBaseline = 0;
    let done = 0;
    let after: string | null = null;
    for (;;) {
      const cursor: string | null = after;
      const ids = await db.inWorkspace(workspaceId, async (tx) => {
        const rows = await scan.contactPage(tx, workspaceId, cursor, PAGE);
        const contactIds = rows.map((r) => r.contact.id);
        const touchesBy = await scan.touchesOf(tx, workspaceId, contactIds, { from, to, withProperties });
        const won = await scan.wonDeals(tx, workspaceId, contactIds);
        for (const { contact, account } of rows) {
          const subject = fitSubjectOf(contact, account);
          const list = touchesBy.get(contact.id) ?? [];
          const deals = won.get(contact.id) ?? [];
          const qualified = sides.map((def, i) => {
            const grade = gradeFor(scoreFit(def.fitRules, subject).points, def.gradeThresholds);
            const { qualifiedAt } = replayTouches(def, grade, list, from.getTime());
            if (qualifiedAt === null || withSalesBefore(contact, qualifiedAt)) return false;
            add(tallies[i]!, qualifiedAt, grade, outcomeOf(contact, deals, qualifiedAt));
            return true;
          });
          if (baseline && qualified[0] && !qualified[1]) onlyCandidate += 1;
          if (baseline && !qualified[0] && qualified[1]) onlyBaseline += 1;
        }
        return contactIds;
      });
      if (ids.length === 0) break;
      done += ids.length;
      after = ids[ids.length - 1]!;
      await onProgress?.(done, total);
    }
    const monthKeys = monthsBetween(from, to);
    return {
      months,
      from: from.toISOString(),
      to: to.toISOString(),
      contactsEvaluated: done,
      touchpointsReplayed: touches,
      candidate: sideOf(candidate, tallies[0]!, monthKeys),
      baseline: baseline ? sideOf(baseline, tallies[1]!, monthKeys) : null,
      onlyCandidate,
      onlyBaseline,
    };
  }
  return { runBacktest };
}

export type BacktestService = ReturnType<typeof createBacktestService>;
