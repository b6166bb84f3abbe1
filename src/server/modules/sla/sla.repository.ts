import { and, asc, desc, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { businessCalendars, memberships, slaPeriodResults, slaPolicies, slaTimerEvents, slaTimers, teams, users, workspaces } from "../../db/schema/index.js";
import type { SlaKind } from "../../../shared/contracts/sla.js";
import type { ListTimersQuery } from "../../../shared/contracts/sla.js";
import { newId } from "../../platform/ids.js";

export type CalendarRow = typeof businessCalendars.$inferSelect;
export type PolicyRow = typeof slaPolicies.$inferSelect;
export type TimerRow = typeof slaTimers.$inferSelect;
export type NewTimer = typeof slaTimers.$inferInsert;

const teamName = sql<string | null>`(select t.name from teams t where t.workspace_id = ${slaTimers.workspaceId} and t.id = ${slaTimers.teamId})`;
const ownerName = sql<string | null>`(select u.name from users u where u.id = ${slaTimers.ownerId})`;
const contactName = sql<string>`(select coalesce(nullif(trim(concat_ws(' ', c.first_name, c.last_name)), ''), c.email, 'a contact') from contacts c where c.workspace_id = ${slaTimers.workspaceId} and c.id = ${slaTimers.contactId})`;

/** A timer with the names the API and notifications show. */
export type NamedTimer = TimerRow & { contactName: string; ownerName: string | null; teamName: string | null };

/** Data access for calendars, policies, timers and their ledger. Every method takes the workspace id first. */
export function createSlaRepository() {
  return {
    /** The workspace's time zone (the default calendar's zone until an admin saves one). */
    async workspaceZone(tx: Queryable, workspaceId: string): Promise<string> {
      const [row] = await tx.select({ tz: workspaces.timezone }).from(workspaces).where(eq(workspaces.id, workspaceId));
      return row?.tz ?? "UTC";
    },

    /** Every stored calendar with its team's name. */
    listCalendars(tx: Queryable, workspaceId: string) {
      return tx
        .select({ calendar: businessCalendars, teamName: teams.name })
        .from(businessCalendars)
        .leftJoin(teams, and(eq(teams.workspaceId, businessCalendars.workspaceId), eq(teams.id, businessCalendars.teamId)))
        .where(eq(businessCalendars.workspaceId, workspaceId))
        .orderBy(asc(teams.name));
    },

    /** The calendars that could apply to a team: its own and the workspace default. */
    calendarsFor(tx: Queryable, workspaceId: string, teamId: string | null) {
      const scope = teamId ? sql`(${businessCalendars.teamId} = ${teamId} or ${businessCalendars.teamId} is null)` : isNull(businessCalendars.teamId);
      return tx.select().from(businessCalendars).where(and(eq(businessCalendars.workspaceId, workspaceId), scope));
    },

    /** Creates or replaces the calendar of a team (or the default when teamId is null). */
    async upsertCalendar(tx: Queryable, workspaceId: string, teamId: string | null, values: Pick<CalendarRow, "name" | "calendar">, at: Date): Promise<CalendarRow> {
      const [row] = await tx
        .insert(businessCalendars)
        .values({ workspaceId, id: newId(), teamId, ...values, createdAt: at, updatedAt: at })
        .onConflictDoUpdate({ target: [businessCalendars.workspaceId, businessCalendars.teamId], set: { ...values, updatedAt: at } })
        .returning();
      return row!;
    },

    /** Removes a team's own calendar (it falls back to the default); false when it had none. */
    async deleteTeamCalendar(tx: Queryable, workspaceId: string, teamId: string): Promise<boolean> {
      const rows = await tx.delete(businessCalendars).where(and(eq(businessCalendars.workspaceId, workspaceId), eq(businessCalendars.teamId, teamId))).returning({ id: businessCalendars.id });
      return rows.length > 0;
    },

    /** Whether the team exists. */
    async teamExists(tx: Queryable, workspaceId: string, teamId: string): Promise<boolean> {
      const [row] = await tx.select({ id: teams.id }).from(teams).where(and(eq(teams.workspaceId, workspaceId), eq(teams.id, teamId)));
      return !!row;
    },

    /** Policies with their team's name, sales side first. */
    listPolicies(tx: Queryable, workspaceId: string) {
      return tx
        .select({ policy: slaPolicies, teamName: teams.name })
        .from(slaPolicies)
        .leftJoin(teams, and(eq(teams.workspaceId, slaPolicies.workspaceId), eq(teams.id, slaPolicies.teamId)))
        .where(eq(slaPolicies.workspaceId, workspaceId))
        .orderBy(asc(slaPolicies.kind), asc(teams.name), asc(slaPolicies.createdAt));
    },

    /** One policy, optionally locked. */
    async findPolicy(tx: Queryable, workspaceId: string, id: string, lock = false): Promise<PolicyRow | null> {
      const q = tx.select().from(slaPolicies).where(and(eq(slaPolicies.workspaceId, workspaceId), eq(slaPolicies.id, id)));
      const [row] = lock ? await q.for("update") : await q;
      return row ?? null;
    },

    /** The enabled policies of a kind (the service picks the team's own over the workspace-wide one). */
    enabledPolicies(tx: Queryable, workspaceId: string, kind: SlaKind) {
      return tx.select().from(slaPolicies).where(and(eq(slaPolicies.workspaceId, workspaceId), eq(slaPolicies.kind, kind), eq(slaPolicies.enabled, true)));
    },

    /** Inserts policies. */
    async insertPolicies(tx: Queryable, rows: (typeof slaPolicies.$inferInsert)[]): Promise<PolicyRow[]> {
      return rows.length ? tx.insert(slaPolicies).values(rows).returning() : [];
    },

    /** Updates a policy. */
    async updatePolicy(tx: Queryable, workspaceId: string, id: string, patch: Partial<PolicyRow>): Promise<PolicyRow> {
      const [row] = await tx.update(slaPolicies).set(patch).where(and(eq(slaPolicies.workspaceId, workspaceId), eq(slaPolicies.id, id))).returning();
      return row!;
    },

    /** Deletes a policy (its timers go with it). */
    async deletePolicy(tx: Queryable, workspaceId: string, id: string): Promise<void> {
      await tx.delete(slaPolicies).where(and(eq(slaPolicies.workspaceId, workspaceId), eq(slaPolicies.id, id)));
    },

    /** Stops the running timers of a policy (disabled or deleted). */
    async cancelPolicyTimers(tx: Queryable, workspaceId: string, policyId: string, reason: string): Promise<number> {
      const rows = await tx
        .update(slaTimers)
        .set({ state: "cancelled", cancelReason: reason, nextFireAt: null })
        .where(and(eq(slaTimers.workspaceId, workspaceId), eq(slaTimers.policyId, policyId), eq(slaTimers.state, "running")))
        .returning({ id: slaTimers.id });
      return rows.length;
    },

    /** A member's team, and the contact's current owner with their team. */
    async ownerOf(tx: Queryable, workspaceId: string, contactId: string): Promise<{ ownerId: string | null; teamId: string | null; name: string } | null> {
      const res = await tx.execute<{ owner_id: string | null; team_id: string | null; name: string }>(sql`
        select c.owner_id, m.team_id, coalesce(nullif(trim(concat_ws(' ', c.first_name, c.last_name)), ''), c.email, 'a contact') as name
        from contacts c left join memberships m on m.workspace_id = c.workspace_id and m.user_id = c.owner_id
        where c.workspace_id = ${workspaceId} and c.id = ${contactId}`);
      const r = res.rows[0];
      return r ? { ownerId: r.owner_id, teamId: r.team_id, name: r.name } : null;
    },

    /** The team of a member. */
    async teamOf(tx: Queryable, workspaceId: string, userId: string): Promise<string | null> {
      const [row] = await tx.select({ teamId: memberships.teamId }).from(memberships).where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
      return row?.teamId ?? null;
    },

    /** Active managers of a team, or every active manager when the team has none (or there is no team). */
    async managersFor(tx: Queryable, workspaceId: string, teamId: string | null): Promise<string[]> {
      const res = await tx.execute<{ user_id: string; same_team: boolean }>(sql`
        select m.user_id, (m.team_id is not distinct from ${teamId}::uuid) as same_team
        from memberships m join users u on u.id = m.user_id
        where m.workspace_id = ${workspaceId} and m.role = 'manager' and m.deactivated_at is null and u.disabled_at is null`);
      const own = res.rows.filter((r) => teamId && r.same_team);
      return (own.length > 0 ? own : res.rows).map((r) => r.user_id);
    },

    /**
     * Active sales-side members of a team who may take over a contact: not `except`, and no one who already let a
     * timer on this contact breach; fewest open leads (mql/sal) first.
     */
    async reassignCandidates(tx: Queryable, workspaceId: string, teamId: string, except: string | null, contactId: string): Promise<string[]> {
      const res = await tx.execute<{ user_id: string }>(sql`
        select m.user_id
        from memberships m join users u on u.id = m.user_id
        where m.workspace_id = ${workspaceId} and m.team_id = ${teamId} and m.role in ('sales', 'sdr')
          and m.deactivated_at is null and u.disabled_at is null and m.user_id is distinct from ${except}::uuid
          and not exists (select 1 from sla_timers t where t.workspace_id = m.workspace_id and t.contact_id = ${contactId} and t.owner_id = m.user_id and t.breached_at is not null)
        order by (select count(*) from contacts c where c.workspace_id = m.workspace_id and c.owner_id = m.user_id and c.stage in ('mql', 'sal')), u.name, m.user_id`);
      return res.rows.map((r) => r.user_id);
    },

    /** Inserts timers. */
    async insertTimers(tx: Queryable, rows: NewTimer[]): Promise<void> {
      if (rows.length) await tx.insert(slaTimers).values(rows);
    },

    /** The unfinished (running or breached and not yet met) timers of a contact, locked. */
    openTimersOf(tx: Queryable, workspaceId: string, contactId: string, kinds: SlaKind[]): Promise<TimerRow[]> {
      return tx
        .select()
        .from(slaTimers)
        .where(and(eq(slaTimers.workspaceId, workspaceId), eq(slaTimers.contactId, contactId), inArray(slaTimers.kind, kinds), inArray(slaTimers.state, ["running", "breached"]), isNull(slaTimers.metAt), isNull(slaTimers.reassignedAt)))
        .for("update");
    },

    /** Updates a timer. */
    async updateTimer(tx: Queryable, workspaceId: string, id: string, patch: Partial<TimerRow>): Promise<void> {
      await tx.update(slaTimers).set(patch).where(and(eq(slaTimers.workspaceId, workspaceId), eq(slaTimers.id, id)));
    },

    /** Locks up to `limit` timers with a step due by `now`; rows another process holds are skipped, not waited for. */
    lockDue(tx: Queryable, workspaceId: string, now: Date, limit: number): Promise<TimerRow[]> {
      return tx
        .select()
        .from(slaTimers)
        .where(and(eq(slaTimers.workspaceId, workspaceId), lte(slaTimers.nextFireAt, now)))
        .orderBy(asc(slaTimers.nextFireAt))
        .limit(limit)
        .for("update", { skipLocked: true });
    },

    /** Records that a step fired; false when it already had (the second wall against firing twice). */
    async recordStep(tx: Queryable, workspaceId: string, timerId: string, step: string, at: Date, detail: Record<string, unknown>): Promise<boolean> {
      const rows = await tx.insert(slaTimerEvents).values({ workspaceId, id: newId(), timerId, step, at, detail }).onConflictDoNothing().returning({ id: slaTimerEvents.id });
      return rows.length > 0;
    },

    /** The steps a timer has fired, in order. */
    stepsOf(tx: Queryable, workspaceId: string, timerId: string) {
      return tx.select().from(slaTimerEvents).where(and(eq(slaTimerEvents.workspaceId, workspaceId), eq(slaTimerEvents.timerId, timerId))).orderBy(asc(slaTimerEvents.at), asc(slaTimerEvents.step));
    },

    /** Timers with names, newest first, filtered. */
    async listTimers(tx: Queryable, workspaceId: string, q: Partial<ListTimersQuery> & { contactIds?: string[]; unfinished?: boolean }): Promise<NamedTimer[]> {
      const where = [eq(slaTimers.workspaceId, workspaceId)];
      if (q.unfinished) where.push(inArray(slaTimers.state, ["running", "breached"]), isNull(slaTimers.metAt), isNull(slaTimers.reassignedAt));
      if (q.state) where.push(eq(slaTimers.state, q.state));
      if (q.kind) where.push(eq(slaTimers.kind, q.kind));
      if (q.ownerId) where.push(eq(slaTimers.ownerId, q.ownerId));
      if (q.contactId) where.push(eq(slaTimers.contactId, q.contactId));
      if (q.contactIds) where.push(q.contactIds.length ? inArray(slaTimers.contactId, q.contactIds) : sql`false`);
      const rows = await tx
        .select({ timer: slaTimers, contactName, ownerName, teamName })
        .from(slaTimers)
        .where(and(...where))
        .orderBy(desc(slaTimers.startedAt), desc(slaTimers.id))
        .limit(q.limit ?? 100);
      return rows.map((r) => ({ ...r.timer, contactName: r.contactName, ownerName: r.ownerName, teamName: r.teamName }));
    },

    /** Timers due in [from, to) that were not cancelled, with names (the ledger's sales side). */
    async timersDueIn(tx: Queryable, workspaceId: string, from: Date, to: Date): Promise<NamedTimer[]> {
      const rows = await tx
        .select({ timer: slaTimers, contactName, ownerName, teamName })
        .from(slaTimers)
        .where(and(eq(slaTimers.workspaceId, workspaceId), sql`${slaTimers.dueAt} >= ${from} and ${slaTimers.dueAt} < ${to}`, sql`${slaTimers.state} <> 'cancelled'`))
        .orderBy(asc(slaTimers.dueAt));
      return rows.map((r) => ({ ...r.timer, contactName: r.contactName, ownerName: r.ownerName, teamName: r.teamName }));
    },

    /** Names of members and teams, for ledger rows with no timers' names at hand. */
    async userNames(tx: Queryable, ids: string[]): Promise<Map<string, string>> {
      if (ids.length === 0) return new Map();
      const rows = await tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids));
      return new Map(rows.map((r) => [r.id, r.name]));
    },

    /** Stores marketing's result for a period once; false when it was already evaluated. */
    async insertPeriodResult(tx: Queryable, row: typeof slaPeriodResults.$inferInsert): Promise<boolean> {
      const rows = await tx.insert(slaPeriodResults).values(row).onConflictDoNothing().returning({ p: slaPeriodResults.policyId });
      return rows.length > 0;
    },

    /** A stored period result. */
    async findPeriodResult(tx: Queryable, workspaceId: string, policyId: string, periodStart: string) {
      const [row] = await tx
        .select()
        .from(slaPeriodResults)
        .where(and(eq(slaPeriodResults.workspaceId, workspaceId), eq(slaPeriodResults.policyId, policyId), eq(slaPeriodResults.periodStart, periodStart)));
      return row ?? null;
    },
  };
}

export type SlaRepository = ReturnType<typeof createSlaRepository>;
