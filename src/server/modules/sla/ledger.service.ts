import type { Database, Tx } from "../../db/client.js";
import type { RequestContext } from "../../platform/actor.js";
import type { Clock } from "../../platform/clock.js";
import type { BusinessCalendar } from "../../../shared/contracts/business-calendar.js";
import { SLA_KIND_LABELS, type LedgerQuery, type ListTimersQuery, type SlaKind } from "../../../shared/contracts/sla.js";
import { businessMinutesBetween, startOfLocalDay } from "../../../shared/domain/business-time.js";
import { attainment, median, periodContaining, timerOutcome as outcomeOf, type TimerOutcome as Outcome } from "../../../shared/domain/sla.js";
import type { CalendarsService } from "./calendars.service.js";
import type { MarketingSlaService } from "./marketing-sla.service.js";
import type { NamedTimer, SlaRepository } from "./sla.repository.js";

type Deps = { db: Database; repo: SlaRepository; clock: Clock; calendars: Pick<CalendarsService, "calendarFor">; marketing: Pick<MarketingSlaService, "standings"> };

const BREACH_LIST_LIMIT = 200;

/** The breach ledger: both sides' SLA attainment for a period on one page, and the timers behind it. */
export function createLedgerService({ db, repo, clock, calendars, marketing }: Deps) {
  async function calendarCache(tx: Tx, workspaceId: string) {
    const cache = new Map<string | null, BusinessCalendar>();
    return async (teamId: string | null) => {
      if (!cache.has(teamId)) cache.set(teamId, await calendars.calendarFor(tx, workspaceId, teamId));
      return cache.get(teamId)!;
    };
  }

  function summarise(timers: { t: NamedTimer; outcome: Outcome; minutes: number | null }[]) {
    const onTime = timers.filter((x) => x.outcome === "onTime").length;
    const breached = timers.filter((x) => x.outcome === "breached").length;
    return {
      onTime,
      breached,
      open: timers.length - onTime - breached,
      attainment: attainment(onTime, breached),
      medianMinutes: median(timers.flatMap((x) => (x.minutes === null ? [] : [x.minutes]))),
    };
  }

  function groupBy<T>(items: T[], key: (x: T) => string): Map<string, T[]> {
    const m = new Map<string, T[]>();
    for (const x of items) m.set(key(x), [...(m.get(key(x)) ?? []), x]);
    return m;
  }

  /** Attainment per kind, team and owner for timers due in the period, marketing's targets, and the breaches. */
  function ledger(ctx: RequestContext, q: LedgerQuery) {
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const zone = await repo.workspaceZone(tx, ctx.workspaceId);
      const month = periodContaining(zone, "month", now.getTime());
      const fromDate = q.from ?? month.start;
      const toDate = q.to ?? month.end;
      const from = new Date(startOfLocalDay(zone, fromDate));
      const to = new Date(startOfLocalDay(zone, toDate));
      const calFor = await calendarCache(tx, ctx.workspaceId);
      const rows: { t: NamedTimer; outcome: Outcome; minutes: number | null; cal: BusinessCalendar }[] = [];
      for (const t of await repo.timersDueIn(tx, ctx.workspaceId, from, to)) {
        const cal = await calFor(t.teamId);
        rows.push({ t, outcome: outcomeOf(t, now), minutes: t.metAt ? businessMinutesBetween(cal, t.startedAt.getTime(), t.metAt.getTime()) : null, cal });
      }
      const kinds = [...new Set(rows.map((r) => r.t.kind))].sort() as SlaKind[];
      const byKind = kinds.map((kind) => ({ kind, label: SLA_KIND_LABELS[kind], ...summarise(rows.filter((r) => r.t.kind === kind)) }));
      const byTeam = [...groupBy(rows, (r) => `${r.t.kind}|${r.t.teamId ?? ""}`).values()].map((g) => ({
        kind: g[0]!.t.kind as SlaKind,
        teamId: g[0]!.t.teamId,
        teamName: g[0]!.t.teamName ?? "No team",
        ...summarise(g),
      }));
      const byOwner = [...groupBy(rows, (r) => `${r.t.kind}|${r.t.ownerId ?? ""}`).values()].map((g) => ({
        kind: g[0]!.t.kind as SlaKind,
        ownerId: g[0]!.t.ownerId,
        ownerName: g[0]!.t.ownerName ?? "Unassigned",
        teamName: g[0]!.t.teamName,
        ...summarise(g),
      }));
      const sortByAttainment = <T extends { attainment: number | null; breached: number }>(a: T, b: T) => (a.attainment ?? 2) - (b.attainment ?? 2) || b.breached - a.breached;
      const breaches = rows
        .filter((r) => r.outcome === "breached")
        .map((r) => ({
          timerId: r.t.id,
          kind: r.t.kind as SlaKind,
          contactId: r.t.contactId,
          contactName: r.t.contactName,
          ownerName: r.t.ownerName,
          teamName: r.t.teamName,
          dueAt: r.t.dueAt,
          metAt: r.t.metAt,
          lateMinutes: businessMinutesBetween(r.cal, r.t.dueAt.getTime(), (r.t.metAt ?? now).getTime()),
          escalated: r.t.escalatedAt !== null,
          reassigned: r.t.reassignedAt !== null,
        }))
        .sort((a, b) => b.lateMinutes - a.lateMinutes)
        .slice(0, BREACH_LIST_LIMIT);
      const marketingAt = new Date(Math.min(now.getTime(), to.getTime() - 1));
      return {
        from: fromDate,
        to: toDate,
        sales: { byKind, byTeam: byTeam.sort(sortByAttainment), byOwner: byOwner.sort(sortByAttainment) },
        marketing: await marketing.standings(tx, ctx.workspaceId, marketingAt, now),
        breaches,
      };
    });
  }

  /** Timers with business minutes left, newest first (a contact's, a rep's, the running ones). */
  function listTimers(ctx: RequestContext, q: ListTimersQuery) {
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const calFor = await calendarCache(tx, ctx.workspaceId);
      const timers = await repo.listTimers(tx, ctx.workspaceId, q);
      const out = [];
      for (const t of timers) out.push({ ...t, businessMinutesLeft: await minutesLeft(t, now, calFor) });
      return out;
    });
  }

  /** Business minutes until due (negative when overdue) for an unfinished timer; null otherwise. */
  async function minutesLeft(t: NamedTimer, now: Date, calFor: (teamId: string | null) => Promise<BusinessCalendar>): Promise<number | null> {
    if (t.metAt || t.state === "cancelled" || t.reassignedAt) return null;
    const cal = await calFor(t.teamId);
    return t.dueAt > now ? businessMinutesBetween(cal, now.getTime(), t.dueAt.getTime()) : -businessMinutesBetween(cal, t.dueAt.getTime(), now.getTime());
  }

  /** Running timers of the given contacts with minutes left (the inbox's countdowns), inside a transaction. */
  async function countdownsIn(tx: Tx, workspaceId: string, contactIds: string[]) {
    const now = clock.now();
    const calFor = await calendarCache(tx, workspaceId);
    const timers = await repo.listTimers(tx, workspaceId, { contactIds, unfinished: true, limit: 1000 });
    const out = [];
    for (const t of timers) {
      const left = await minutesLeft(t, now, calFor);
      if (left !== null) out.push({ ...t, businessMinutesLeft: left });
    }
    return out;
  }

  return { ledger, listTimers, countdownsIn };
}

export type LedgerService = ReturnType<typeof createLedgerService>;
