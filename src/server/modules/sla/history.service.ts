import { sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { newId } from "../../platform/ids.js";
import type { BusinessCalendar } from "../../../shared/contracts/business-calendar.js";
import type { TimerTerms } from "../../../shared/contracts/sla.js";
import { LADDER, nextStep, planTimer, stepAt } from "../../../shared/domain/sla.js";
import { slaTimerEvents, slaTimers } from "../../db/schema/index.js";
import type { CalendarsService } from "./calendars.service.js";
import type { MarketingSlaService } from "./marketing-sla.service.js";
import type { PoliciesService, TypedPolicy } from "./policies.service.js";
import type { SlaRepository } from "./sla.repository.js";
import { startOfLocalDay } from "../../../shared/domain/business-time.js";
import { previousPeriod, periodContaining } from "../../../shared/domain/sla.js";

type Deps = {
  repo: Pick<SlaRepository, "workspaceZone" | "insertPeriodResult">;
  calendars: Pick<CalendarsService, "calendarFor">;
  policies: Pick<PoliciesService, "policyFor">;
  marketing: Pick<MarketingSlaService, "standings">;
};

type Episode = { contact_id: string; at: Date; owner_id: string | null; team_id: string | null; next_stage: string | null; next_at: Date | null; first_touch: Date | null };
type Outcome = { metAt: Date | null; cancelAt: Date | null };

const BATCH = 1000;

/** When a past timer ended: met by the decision (accept) or the first sales touch (first touch), or cancelled. */
function outcomeOf(kind: "accept" | "first_touch", e: Episode): Outcome {
  if (kind === "accept") return { metAt: e.next_at, cancelAt: null };
  if (e.first_touch && (!e.next_at || e.first_touch <= e.next_at)) return { metAt: e.first_touch, cancelAt: null };
  if (e.next_stage && ["sql", "opportunity", "customer"].includes(e.next_stage)) return { metAt: e.next_at, cancelAt: null };
  if (e.next_at) return { metAt: null, cancelAt: e.next_at };
  return { metAt: null, cancelAt: null };
}

/**
 * Rebuilds SLA timers from lifecycle history (an import, or the demo): one accept timer per move into mql and one
 * first-touch timer per acceptance, with the ladder steps that would have fired recorded as already fired, so the
 * ledger shows the past and the tick carries on only with what is still ahead. Skips episodes that have a timer.
 */
export function createSlaHistoryService({ repo, calendars, policies, marketing }: Deps) {
  async function episodes(tx: Tx, workspaceId: string, kind: "accept" | "first_touch"): Promise<Episode[]> {
    const res = await tx.execute<Episode>(sql`
      select st.contact_id, st.at, c.owner_id, m.team_id, nx.to_stage as next_stage, nx.at as next_at,
        ${kind === "first_touch" ? sql`(select min(t.occurred_at) from touchpoints t where t.workspace_id = st.workspace_id and t.contact_id = st.contact_id and t.category = 'sales' and t.occurred_at >= st.at)` : sql`null::timestamptz`} as first_touch
      from stage_transitions st
      join contacts c on c.workspace_id = st.workspace_id and c.id = st.contact_id
      left join memberships m on m.workspace_id = c.workspace_id and m.user_id = c.owner_id
      left join lateral (
        select x.to_stage, x.at from stage_transitions x
        where x.workspace_id = st.workspace_id and x.contact_id = st.contact_id and x.at > st.at order by x.at, x.id limit 1
      ) nx on true
      where st.workspace_id = ${workspaceId} and st.to_stage = ${kind === "accept" ? "mql" : "sal"}
        and not exists (select 1 from sla_timers t where t.workspace_id = st.workspace_id and t.contact_id = st.contact_id and t.kind = ${kind} and t.started_at = st.at)
      order by st.at`);
    return res.rows.map((r) => ({ ...r, at: new Date(r.at), next_at: r.next_at ? new Date(r.next_at) : null, first_touch: r.first_touch ? new Date(r.first_touch) : null }));
  }

  /** Timers and fired steps for every past episode of the workspace, as of `now`; returns how many were written. */
  async function backfillIn(tx: Tx, workspaceId: string, now: Date): Promise<{ timers: number; events: number }> {
    const cals = new Map<string | null, BusinessCalendar>();
    const calFor = async (teamId: string | null) => {
      if (!cals.has(teamId)) cals.set(teamId, await calendars.calendarFor(tx, workspaceId, teamId));
      return cals.get(teamId)!;
    };
    const policyCache = new Map<string, TypedPolicy<"accept" | "first_touch"> | null>();
    const timers: (typeof slaTimers.$inferInsert)[] = [];
    const events: (typeof slaTimerEvents.$inferInsert)[] = [];
    for (const kind of ["accept", "first_touch"] as const) {
      for (const e of await episodes(tx, workspaceId, kind)) {
        const policyKey = `${kind}|${e.team_id ?? ""}`;
        if (!policyCache.has(policyKey)) policyCache.set(policyKey, await policies.policyFor(tx, workspaceId, kind, e.team_id));
        const policy = policyCache.get(policyKey);
        if (!policy) continue;
        const cal = await calFor(e.team_id);
        const terms: TimerTerms = policy.terms;
        const plan = planTimer(cal, e.at.getTime(), terms);
        const { metAt, cancelAt } = outcomeOf(kind, e);
        const end = (metAt ?? cancelAt ?? now).getTime();
        const id = newId();
        const fired: { step: string; at: number }[] = [];
        for (let i = 0; i < LADDER.length; i++) {
          const at = stepAt(cal, i, plan, terms);
          // A step at or after the end did not fire (met at the due instant is on time).
          if (at === null || at >= end) continue;
          if (LADDER[i] === "reassign") continue; // history keeps its owners
          fired.push({ step: LADDER[i]!, at });
        }
        const breached = fired.some((f) => f.step === "breached");
        const manager = fired.find((f) => f.step === "notify_manager");
        const open = !metAt && !cancelAt;
        // What is still ahead of an open timer: the first step after now (one already past stays unfired).
        let next = open ? nextStep(cal, 0, plan, terms) : null;
        while (next && next.at < now.getTime()) next = nextStep(cal, next.index + 1, plan, terms);
        timers.push({
          workspaceId,
          id,
          policyId: policy.id,
          kind,
          contactId: e.contact_id,
          ownerId: e.owner_id,
          teamId: e.team_id,
          startedAt: e.at,
          warnAt: new Date(plan.warnAt),
          dueAt: new Date(plan.dueAt),
          metAt,
          breachedAt: breached ? new Date(plan.dueAt) : null,
          escalatedAt: manager ? new Date(manager.at) : null,
          reassignedAt: null,
          state: metAt ? "met" : breached ? "breached" : cancelAt ? "cancelled" : "running",
          cancelReason: cancelAt ? `moved to ${e.next_stage}` : null,
          nextStep: next?.index ?? LADDER.length,
          nextFireAt: next ? new Date(next.at) : null,
          createdAt: now,
        });
        for (const f of fired) events.push({ workspaceId, id: newId(), timerId: id, step: f.step, at: new Date(f.at), detail: { backfilled: true } });
        if (metAt) events.push({ workspaceId, id: newId(), timerId: id, step: "met", at: metAt, detail: { backfilled: true, late: breached } });
      }
    }
    for (let i = 0; i < timers.length; i += BATCH) await tx.insert(slaTimers).values(timers.slice(i, i + BATCH));
    for (let i = 0; i < events.length; i += BATCH) await tx.insert(slaTimerEvents).values(events.slice(i, i + BATCH));
    return { timers: timers.length, events: events.length };
  }

  /** Marketing's results for the `count` periods (of each target) that ended before `now`. */
  async function backfillPeriodsIn(tx: Tx, workspaceId: string, now: Date, count: number): Promise<number> {
    const zone = await repo.workspaceZone(tx, workspaceId);
    let written = 0;
    for (const period of ["month", "quarter"] as const) {
      let p = previousPeriod(zone, period, periodContaining(zone, period, now.getTime()).start);
      for (let k = 0; k < count; k++, p = previousPeriod(zone, period, p.start)) {
        for (const s of await marketing.standings(tx, workspaceId, new Date(startOfLocalDay(zone, p.start)), now)) {
          // standings() covers every target; keep the ones whose period is this kind and ended.
          if (s.periodStart !== p.start || s.periodEnd !== p.end || !s.final) continue;
          const inserted = await repo.insertPeriodResult(tx, {
            workspaceId, policyId: s.policyId, periodStart: s.periodStart, periodEnd: s.periodEnd, mqls: s.mqls, mqlTarget: s.mqlTarget, accepted: s.accepted,
            rejected: s.rejected, acceptanceRate: s.acceptanceRate, minAcceptanceRate: s.minAcceptanceRate, met: s.status === "met", evaluatedAt: new Date(startOfLocalDay(zone, s.periodEnd)),
          });
          if (inserted) written++;
        }
      }
    }
    return written;
  }

  return { backfillIn, backfillPeriodsIn };
}

export type SlaHistoryService = ReturnType<typeof createSlaHistoryService>;
