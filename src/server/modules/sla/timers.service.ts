import { sql } from "drizzle-orm";
import type { Database, Tx } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import { newId } from "../../platform/ids.js";
import { AppError } from "../../../shared/errors.js";
import { SLA_KIND_LABELS } from "../../../shared/contracts/sla.js";
import type { BusinessCalendar } from "../../../shared/contracts/business-calendar.js";
import { LADDER, checkRecycle, formatBusinessMinutes, nextStep, planTimer, stepAt, type LadderStep } from "../../../shared/domain/sla.js";
import { businessMinutesBetween } from "../../../shared/domain/business-time.js";
import type { StageChange } from "../crm/index.js";
import type { HandedOff } from "../routing/index.js";
import type { NotificationsService } from "../notifications/index.js";
import type { CalendarsService } from "./calendars.service.js";
import type { PoliciesService } from "./policies.service.js";
import type { SlaRepository, TimerRow } from "./sla.repository.js";

type TimerKind = "accept" | "first_touch";

/** What a timer step announces to other modules (webhooks): `sla.warning` and `sla.breached`. */
export type SlaEvent = { type: "sla.warning" | "sla.breached"; timer: TimerRow; contactName: string; at: Date };
export type SlaHooks = { timerEvent: ((tx: Tx, workspaceId: string, event: SlaEvent) => Promise<void>)[] };

type Deps = {
  db: Database;
  repo: SlaRepository;
  clock: Clock;
  calendars: Pick<CalendarsService, "calendarFor">;
  policies: Pick<PoliciesService, "policyFor">;
  notifications: Pick<NotificationsService, "notifyIn">;
  /** Hands a lead to another rep (routing); the handedOff hook then restarts its timers for the new owner. */
  reassign: (tx: Tx, workspaceId: string, contactId: string, toUserId: string, opts: { reason: string; note: string; at: Date }) => Promise<string | null>;
  hooks: SlaHooks;
};

// A tick locks this many timers per transaction, so one busy workspace does not hold locks for long.
const BATCH = 50;

const ACTION: Record<TimerKind, string> = { accept: "Accept or reject", first_touch: "Make the first touch with" };

/**
 * SLA timers (DESIGN §6.4): started and met by lifecycle moves and sales touches, fired step by step by the tick.
 * A step fires inside a transaction holding the timer's row lock (SKIP LOCKED, so another process moves on to
 * other timers) and is recorded in a ledger unique per timer and step: it fires once however many processes tick.
 */
export function createTimersService({ db, repo, clock, calendars, policies, notifications, reassign, hooks }: Deps) {
  /** Starts a timer of `kind` for a contact's current owner at `at`; null when no policy applies. */
  async function startTimer(tx: Tx, workspaceId: string, kind: TimerKind, contactId: string, at: Date): Promise<TimerRow | null> {
    const owner = await repo.ownerOf(tx, workspaceId, contactId);
    if (!owner) return null;
    const policy = await policies.policyFor(tx, workspaceId, kind, owner.teamId);
    if (!policy) return null;
    const cal = await calendars.calendarFor(tx, workspaceId, owner.teamId);
    const plan = planTimer(cal, at.getTime(), policy.terms);
    const next = nextStep(cal, 0, plan, policy.terms);
    const row = {
      workspaceId,
      id: newId(),
      policyId: policy.id,
      kind,
      contactId,
      ownerId: owner.ownerId,
      teamId: owner.teamId,
      startedAt: at,
      warnAt: new Date(plan.warnAt),
      dueAt: new Date(plan.dueAt),
      metAt: null,
      breachedAt: null,
      escalatedAt: null,
      reassignedAt: null,
      state: "running" as const,
      cancelReason: null,
      nextStep: next?.index ?? LADDER.length,
      nextFireAt: next ? new Date(next.at) : null,
      createdAt: clock.now(),
    };
    await repo.insertTimers(tx, [row]);
    return row;
  }

  /** Meets the contact's open timers of these kinds at `at` (late if they had breached). */
  async function meet(tx: Tx, workspaceId: string, contactId: string, kinds: TimerKind[], at: Date): Promise<void> {
    for (const t of await repo.openTimersOf(tx, workspaceId, contactId, kinds)) {
      const metAt = at < t.startedAt ? t.startedAt : at;
      await repo.updateTimer(tx, workspaceId, t.id, { state: "met", metAt, nextFireAt: null });
      await repo.recordStep(tx, workspaceId, t.id, "met", metAt, { late: t.breachedAt !== null });
    }
  }

  /** Stops the contact's open timers: a running one is cancelled; a breached one stays breached, with no more steps. */
  async function stop(tx: Tx, workspaceId: string, contactId: string, kinds: TimerKind[], reason: string, at: Date, reassigned = false): Promise<TimerRow[]> {
    const open = await repo.openTimersOf(tx, workspaceId, contactId, kinds);
    for (const t of open) {
      const patch: Partial<TimerRow> = { nextFireAt: null, cancelReason: reason, ...(reassigned ? { reassignedAt: at } : {}) };
      if (t.state === "running") patch.state = "cancelled";
      await repo.updateTimer(tx, workspaceId, t.id, patch);
    }
    return open;
  }

  /** Sales attempts (touches) on a contact since it last became an MQL. */
  async function attemptsSinceMql(tx: Tx, workspaceId: string, contactId: string): Promise<number[]> {
    const res = await tx.execute<{ at: Date }>(sql`
      select t.occurred_at as at from touchpoints t
      where t.workspace_id = ${workspaceId} and t.contact_id = ${contactId} and t.category = 'sales'
        and t.occurred_at >= coalesce((select max(st.at) from stage_transitions st where st.workspace_id = ${workspaceId} and st.contact_id = ${contactId} and st.to_stage = 'mql'), '-infinity')
      order by t.occurred_at`);
    return res.rows.map((r) => new Date(r.at).getTime());
  }

  /**
   * Refuses a rep's recycle of a lead before the minimum attempts (DESIGN §6.4): the promise binds sales and SDRs;
   * managers and admins may overrule it, marketing may pull a lead back to nurture, automation and imports are exempt.
   */
  async function guardRecycle(tx: Tx, workspaceId: string, change: StageChange): Promise<void> {
    if (change.to !== "recycled" || !change.actor || !["sales", "sdr"].includes(change.actor.role) || !["mql", "sal", "sql"].includes(change.from)) return;
    const owner = await repo.ownerOf(tx, workspaceId, change.contact.id);
    const policy = await policies.policyFor(tx, workspaceId, "recycle_attempts", owner?.teamId ?? null);
    if (!policy) return;
    const cal = await calendars.calendarFor(tx, workspaceId, owner?.teamId ?? null);
    const check = checkRecycle(cal, await attemptsSinceMql(tx, workspaceId, change.contact.id), change.at.getTime(), policy.terms);
    if (!check.ok) throw new AppError("conflict", `Not yet: ${check.message}. Log the attempts first, or reject or disqualify the lead with a reason.`, [{ path: "body.stage", message: check.message }]);
  }

  /** crm stageChanged hook: starts, meets and stops timers as a lead moves; refuses an early recycle. */
  async function onStageChanged(tx: Tx, workspaceId: string, change: StageChange): Promise<boolean> {
    const { contact, from, to, at } = change;
    await guardRecycle(tx, workspaceId, change);
    if (from === "mql") await meet(tx, workspaceId, contact.id, ["accept"], at);
    if (from === "sal") {
      if (["sql", "opportunity", "customer"].includes(to)) await meet(tx, workspaceId, contact.id, ["first_touch"], at);
      else await stop(tx, workspaceId, contact.id, ["first_touch"], `moved to ${to}`, at);
    }
    if (to === "recycled" || to === "disqualified") await stop(tx, workspaceId, contact.id, ["accept", "first_touch"], `moved to ${to}`, at);
    if (to === "mql") {
      await stop(tx, workspaceId, contact.id, ["accept"], "qualified again", at);
      await startTimer(tx, workspaceId, "accept", contact.id, at);
    }
    if (to === "sal") {
      const started = await startTimer(tx, workspaceId, "first_touch", contact.id, at);
      // A rep who called before accepting has already made the first touch.
      if (started && (await attemptsSinceMql(tx, workspaceId, contact.id)).length > 0) await meet(tx, workspaceId, contact.id, ["first_touch"], at);
    }
    return false;
  }

  /** touchpoints hook (one touch or a batch): each contact's earliest sales touch meets its first-touch timer (once per contact). */
  async function onTouchpoints(tx: Tx, workspaceId: string, touches: { contactId: string | null; category: string; occurredAt: Date }[]): Promise<void> {
    const first = new Map<string, Date>();
    for (const t of touches) {
      if (t.category !== "sales" || !t.contactId) continue;
      const seen = first.get(t.contactId);
      if (!seen || t.occurredAt < seen) first.set(t.contactId, t.occurredAt);
    }
    for (const [contactId, at] of first) await meet(tx, workspaceId, contactId, ["first_touch"], at);
  }

  /** routing handedOff hook: a lead given to someone else mid-timer restarts the clock for the new owner. */
  async function onHandedOff(tx: Tx, workspaceId: string, h: HandedOff): Promise<void> {
    const open = (await repo.openTimersOf(tx, workspaceId, h.contact.id, ["accept", "first_touch"])).filter((t) => t.ownerId !== h.toUserId);
    if (open.length === 0) return;
    await stop(tx, workspaceId, h.contact.id, [...new Set(open.map((t) => t.kind as TimerKind))], "reassigned", h.at, true);
    for (const kind of new Set(open.map((t) => t.kind as TimerKind))) await startTimer(tx, workspaceId, kind, h.contact.id, h.at);
  }

  /** Fires every step due by `now` in a workspace; returns how many fired. Safe to run from several processes. */
  async function fireDue(workspaceId: string, now: Date = clock.now(), batch = BATCH): Promise<number> {
    let fired = 0;
    for (;;) {
      const locked = await db.inWorkspace(workspaceId, async (tx) => {
        const due = await repo.lockDue(tx, workspaceId, now, batch);
        for (const timer of due) fired += await fireTimer(tx, workspaceId, timer, now);
        return due.length;
      });
      if (locked < batch) return fired;
    }
  }

  /** Fires a locked timer's due steps in order (several when the server was down), then schedules the next. */
  async function fireTimer(tx: Tx, workspaceId: string, timer: TimerRow, now: Date): Promise<number> {
    const policy = await policies.policyFor(tx, workspaceId, timer.kind as TimerKind, timer.teamId);
    if (!policy || policy.id !== timer.policyId) {
      await repo.updateTimer(tx, workspaceId, timer.id, { state: timer.state === "running" ? "cancelled" : timer.state, cancelReason: "policy no longer applies", nextFireAt: null });
      return 0;
    }
    const cal = await calendars.calendarFor(tx, workspaceId, timer.teamId);
    const plan = { warnAt: timer.warnAt.getTime(), dueAt: timer.dueAt.getTime() };
    let t = timer;
    let fired = 0;
    while (t.nextFireAt && t.nextFireAt <= now && !t.reassignedAt) {
      const step = LADDER[t.nextStep]!;
      const at = new Date(stepAt(cal, t.nextStep, plan, policy.terms) ?? t.nextFireAt.getTime());
      // A warning that comes after the due time (the server was down) would say nothing the breach does not.
      const skip = step === "warning" && now >= t.dueAt;
      if (!skip && (await repo.recordStep(tx, workspaceId, t.id, step, at, {}))) {
        t = { ...t, ...(await runStep(tx, workspaceId, t, step, at, now, cal)) };
        fired++;
      }
      const next = nextStep(cal, t.nextStep + 1, plan, policy.terms);
      t = { ...t, nextStep: next?.index ?? LADDER.length, nextFireAt: t.reassignedAt || !next ? null : new Date(next.at) };
      await repo.updateTimer(tx, workspaceId, t.id, { state: t.state, breachedAt: t.breachedAt, escalatedAt: t.escalatedAt, reassignedAt: t.reassignedAt, nextStep: t.nextStep, nextFireAt: t.nextFireAt });
    }
    return fired;
  }

  /** One ladder step's effect; returns the timer fields it changed. */
  async function runStep(tx: Tx, workspaceId: string, t: TimerRow, step: LadderStep, at: Date, now: Date, cal: BusinessCalendar): Promise<Partial<TimerRow>> {
    const owner = await repo.ownerOf(tx, workspaceId, t.contactId);
    const name = owner?.name ?? "a lead";
    const what = `${ACTION[t.kind as TimerKind]} ${name}`;
    const link = `/contacts/${t.contactId}`;
    const base = { entity: "contact", entityId: t.contactId, link };
    const ownerOrManagers = async () => (t.ownerId ? [t.ownerId] : repo.managersFor(tx, workspaceId, t.teamId));
    switch (step) {
      case "warning": {
        const left = businessMinutesBetween(cal, now.getTime(), t.dueAt.getTime());
        await notifications.notifyIn(tx, workspaceId, await ownerOrManagers(), { ...base, kind: "sla.warning", title: `${what}: due in ${formatBusinessMinutes(left)}`, body: `${SLA_KIND_LABELS[t.kind]} is due ${t.dueAt.toISOString()}.` });
        for (const hook of hooks.timerEvent) await hook(tx, workspaceId, { type: "sla.warning", timer: t, contactName: name, at });
        return {};
      }
      case "breached": {
        const breached = { ...t, state: "breached" as const, breachedAt: t.dueAt };
        await notifications.notifyIn(tx, workspaceId, await ownerOrManagers(), { ...base, kind: "sla.breached", title: `Overdue: ${what}`, body: `${SLA_KIND_LABELS[t.kind]} was due ${t.dueAt.toISOString()}.` });
        for (const hook of hooks.timerEvent) await hook(tx, workspaceId, { type: "sla.breached", timer: breached, contactName: name, at });
        return { state: "breached", breachedAt: t.dueAt };
      }
      case "remind_owner": {
        const late = businessMinutesBetween(cal, t.dueAt.getTime(), now.getTime());
        await notifications.notifyIn(tx, workspaceId, await ownerOrManagers(), { ...base, kind: "sla.breached", title: `Still overdue by ${formatBusinessMinutes(late)}: ${what}` });
        return {};
      }
      case "notify_manager": {
        const managers = await repo.managersFor(tx, workspaceId, t.teamId);
        const ownerName = t.ownerId ? ((await repo.userNames(tx, [t.ownerId])).get(t.ownerId) ?? "its owner") : "nobody";
        await notifications.notifyIn(tx, workspaceId, managers, { ...base, kind: "sla.escalated", title: `Escalated: ${what} (owner ${ownerName})`, body: `${SLA_KIND_LABELS[t.kind]} was due ${t.dueAt.toISOString()} and is still open.` });
        return { escalatedAt: at };
      }
      case "reassign": {
        const to = t.teamId ? (await repo.reassignCandidates(tx, workspaceId, t.teamId, t.ownerId, t.contactId))[0] : undefined;
        if (!to) {
          await repo.recordStep(tx, workspaceId, t.id, "reassign_skipped", at, { reason: "no one else in the team can take the lead" });
          if (t.ownerId) await notifications.notifyIn(tx, workspaceId, await repo.managersFor(tx, workspaceId, t.teamId), { ...base, kind: "sla.escalated", title: `No one left to reassign ${name} to: ${what} is still overdue` });
          return {};
        }
        const note = `Reassigned by the SLA: ${SLA_KIND_LABELS[t.kind].toLowerCase()} was overdue since ${t.dueAt.toISOString()}.`;
        await reassign(tx, workspaceId, t.contactId, to, { reason: "sla_reassign", note, at: now });
        if (t.ownerId) await notifications.notifyIn(tx, workspaceId, [t.ownerId], { ...base, kind: "sla.reassigned", title: `Reassigned: ${name} went to a teammate after the SLA breach` });
        return { reassignedAt: now };
      }
    }
  }

  return { startTimer, onStageChanged, onTouchpoints, onHandedOff, fireDue };
}

export type TimersService = ReturnType<typeof createTimersService>;
