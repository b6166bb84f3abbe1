import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { handoffs, memberships, routingRules, teams, users } from "../../db/schema/index.js";
import type { ListHandoffsQuery } from "../../../shared/contracts/routing.js";
import type { Role } from "../../../shared/domain/roles.js";
import { keyset, parseSort, toPage } from "../../platform/pagination.js";

export type RoutingRuleRow = typeof routingRules.$inferSelect;
export type HandoffRow = typeof handoffs.$inferSelect;

const userName = (col: SQL) => sql<string | null>`(select u.name from users u where u.id = ${col})`;

const ruleColumns = {
  rule: routingRules,
  assigneeName: userName(sql`${routingRules.assigneeId}`),
  lastAssigneeName: userName(sql`${routingRules.lastAssigneeId}`),
  teamName: sql<string | null>`(select t.name from teams t where t.workspace_id = ${routingRules.workspaceId} and t.id = ${routingRules.teamId})`,
};

const handoffColumns = {
  handoff: handoffs,
  contactName: sql<string | null>`(select nullif(trim(concat_ws(' ', c.first_name, c.last_name)), '') from contacts c where c.workspace_id = ${handoffs.workspaceId} and c.id = ${handoffs.contactId})`,
  toUserName: userName(sql`${handoffs.toUserId}`),
  fromUserName: userName(sql`${handoffs.fromUserId}`),
  ruleName: sql<string | null>`(select r.name from routing_rules r where r.workspace_id = ${handoffs.workspaceId} and r.id = ${handoffs.ruleId})`,
};

/** A rule row with the names the API shows beside its ids. */
function withNames(r: { rule: RoutingRuleRow; assigneeName: string | null; lastAssigneeName: string | null; teamName: string | null }) {
  return { ...r.rule, assigneeName: r.assigneeName, lastAssigneeName: r.lastAssigneeName, teamName: r.teamName };
}

/** A handoff row with contact, rep and rule names. */
function handoffWithNames(r: { handoff: HandoffRow; contactName: string | null; toUserName: string | null; fromUserName: string | null; ruleName: string | null }) {
  return { ...r.handoff, contactName: r.contactName, toUserName: r.toUserName, fromUserName: r.fromUserName, ruleName: r.ruleName };
}

/** Data access for routing rules, the members they route to, and handoffs. */
export function createRoutingRepository() {
  return {
    /** Every rule in evaluation order; locked when routing so turns and capacities are decided one lead at a time. */
    async listRules(tx: Queryable, workspaceId: string, lock = false) {
      const base = tx.select(ruleColumns).from(routingRules).where(eq(routingRules.workspaceId, workspaceId)).orderBy(asc(routingRules.position), asc(routingRules.id));
      const rows = lock ? await base.for("update", { of: routingRules }) : await base;
      return rows.map(withNames);
    },

    /** One rule with names, optionally locked. */
    async findRule(tx: Queryable, workspaceId: string, id: string, lock = false) {
      const base = tx.select(ruleColumns).from(routingRules).where(and(eq(routingRules.workspaceId, workspaceId), eq(routingRules.id, id)));
      const [row] = lock ? await base.for("update", { of: routingRules }) : await base;
      return row ? withNames(row) : null;
    },

    /** The position after the last rule. */
    async nextPosition(tx: Queryable, workspaceId: string): Promise<number> {
      const [row] = await tx.select({ n: sql<number>`coalesce(max(${routingRules.position}) + 1, 0)::int` }).from(routingRules).where(eq(routingRules.workspaceId, workspaceId));
      return row?.n ?? 0;
    },

    /** Inserts a rule. */
    async insertRule(tx: Queryable, row: typeof routingRules.$inferInsert) {
      await tx.insert(routingRules).values(row);
    },

    /** Updates a rule. */
    async updateRule(tx: Queryable, workspaceId: string, id: string, patch: Partial<typeof routingRules.$inferInsert>) {
      await tx.update(routingRules).set(patch).where(and(eq(routingRules.workspaceId, workspaceId), eq(routingRules.id, id)));
    },

    /** Deletes a rule (handoffs keep its id and kind). */
    async deleteRule(tx: Queryable, workspaceId: string, id: string) {
      await tx.delete(routingRules).where(and(eq(routingRules.workspaceId, workspaceId), eq(routingRules.id, id)));
    },

    /** Numbers the rules 0…n−1 in the given order. */
    async setPositions(tx: Queryable, workspaceId: string, ids: string[], at: Date) {
      for (const [position, id] of ids.entries()) {
        await tx.update(routingRules).set({ position, updatedAt: at }).where(and(eq(routingRules.workspaceId, workspaceId), eq(routingRules.id, id)));
      }
    },

    /** Members who can take leads now (membership and user both active). */
    async activeMembers(tx: Queryable, workspaceId: string) {
      return tx
        .select({ userId: memberships.userId, role: memberships.role, teamId: memberships.teamId })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.workspaceId, workspaceId), isNull(memberships.deactivatedAt), isNull(users.disabledAt)));
    },

    /** Members by id with name, role and whether they are active. */
    async findMembers(tx: Queryable, workspaceId: string, userIds: string[]) {
      if (userIds.length === 0) return [];
      return tx
        .select({ userId: memberships.userId, name: users.name, role: memberships.role, active: sql<boolean>`(${memberships.deactivatedAt} is null and ${users.disabledAt} is null)` })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.workspaceId, workspaceId), inArray(memberships.userId, userIds)));
    },

    /** Whether the team exists in the workspace. */
    async teamExists(tx: Queryable, workspaceId: string, teamId: string): Promise<boolean> {
      const [row] = await tx.select({ id: teams.id }).from(teams).where(and(eq(teams.workspaceId, workspaceId), eq(teams.id, teamId)));
      return !!row;
    },

    /** Stores a handoff. */
    async insertHandoff(tx: Queryable, row: typeof handoffs.$inferInsert) {
      await tx.insert(handoffs).values(row);
    },

    /** Stores many handoffs in one statement (a backfill). */
    async insertHandoffs(tx: Queryable, rows: (typeof handoffs.$inferInsert)[]) {
      if (rows.length) await tx.insert(handoffs).values(rows);
    },

    /** One handoff with names. */
    async findHandoff(tx: Queryable, workspaceId: string, id: string) {
      const [row] = await tx.select(handoffColumns).from(handoffs).where(and(eq(handoffs.workspaceId, workspaceId), eq(handoffs.id, id)));
      return row ? handoffWithNames(row) : null;
    },

    /** A contact's handoffs, newest first. */
    async handoffsOfContact(tx: Queryable, workspaceId: string, contactId: string, limit: number) {
      const rows = await tx
        .select(handoffColumns)
        .from(handoffs)
        .where(and(eq(handoffs.workspaceId, workspaceId), eq(handoffs.contactId, contactId)))
        .orderBy(desc(handoffs.createdAt), desc(handoffs.id))
        .limit(limit);
      return rows.map(handoffWithNames);
    },

    /** Handoffs, optionally to one rep, paged by time. */
    async listHandoffs(tx: Queryable, workspaceId: string, q: ListHandoffsQuery) {
      const { desc: isDesc } = parseSort(q.sort, "-createdAt");
      const page = keyset({ column: sql`${handoffs.createdAt}`, id: sql`${handoffs.id}`, cast: "timestamptz", desc: isDesc }, q.cursor);
      const conds: (SQL | undefined)[] = [eq(handoffs.workspaceId, workspaceId), page.after];
      if (q.toUserId) conds.push(eq(handoffs.toUserId, q.toUserId));
      const rows = await tx.select(handoffColumns).from(handoffs).where(and(...conds)).orderBy(page.orderBy).limit(q.limit + 1);
      return toPage(rows.map(handoffWithNames), q.limit, (r) => r.createdAt);
    },
  };
}

export type RoutingRepository = ReturnType<typeof createRoutingRepository>;
export type MemberFacts = { userId: string; name: string; role: Role; active: boolean };
