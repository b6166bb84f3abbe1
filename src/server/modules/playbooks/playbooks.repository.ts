import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { playbookAssignments, playbooks } from "../../db/schema/index.js";
import type { Playbook } from "../../../shared/contracts/playbooks.js";
import type { FollowUpChannel } from "../../../shared/domain/playbooks.js";

export type PlaybookRow = typeof playbooks.$inferSelect;
export type AssignmentRow = typeof playbookAssignments.$inferSelect;

/** A stored playbook as the API shows it; channels were validated by the contract when written. */
export function toPlaybook(r: PlaybookRow): Playbook {
  return {
    id: r.id,
    position: r.position,
    name: r.name,
    description: r.description,
    match: r.match,
    firstChannel: r.firstChannel as FollowUpChannel,
    steps: r.steps.map((s) => ({ ...s, channel: s.channel as FollowUpChannel })),
    enabled: r.enabled,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/** Data access for playbooks and the assignments made at handoff. Every method takes the workspace id first. */
export function createPlaybooksRepository() {
  return {
    /** Every playbook in order; locked when the order is being changed. */
    async list(tx: Queryable, workspaceId: string, lock = false) {
      const base = tx.select().from(playbooks).where(eq(playbooks.workspaceId, workspaceId)).orderBy(asc(playbooks.position), asc(playbooks.id));
      return lock ? base.for("update") : base;
    },

    /** One playbook, optionally locked. */
    async find(tx: Queryable, workspaceId: string, id: string, lock = false) {
      const base = tx.select().from(playbooks).where(and(eq(playbooks.workspaceId, workspaceId), eq(playbooks.id, id)));
      const [row] = lock ? await base.for("update") : await base;
      return row ?? null;
    },

    /** The position after the last playbook. */
    async nextPosition(tx: Queryable, workspaceId: string): Promise<number> {
      const [row] = await tx.select({ n: sql<number>`coalesce(max(${playbooks.position}) + 1, 0)::int` }).from(playbooks).where(eq(playbooks.workspaceId, workspaceId));
      return row?.n ?? 0;
    },

    /** Inserts a playbook. */
    async insert(tx: Queryable, row: typeof playbooks.$inferInsert) {
      await tx.insert(playbooks).values(row);
    },

    /** Updates a playbook. */
    async update(tx: Queryable, workspaceId: string, id: string, patch: Partial<typeof playbooks.$inferInsert>) {
      await tx.update(playbooks).set(patch).where(and(eq(playbooks.workspaceId, workspaceId), eq(playbooks.id, id)));
    },

    /** Deletes a playbook and, by cascade, the assignments measured against it. */
    async remove(tx: Queryable, workspaceId: string, id: string) {
      await tx.delete(playbooks).where(and(eq(playbooks.workspaceId, workspaceId), eq(playbooks.id, id)));
    },

    /** Numbers the playbooks 0…n−1 in the given order. */
    async setPositions(tx: Queryable, workspaceId: string, ids: string[], at: Date) {
      for (const [position, id] of ids.entries()) {
        await tx.update(playbooks).set({ position, updatedAt: at }).where(and(eq(playbooks.workspaceId, workspaceId), eq(playbooks.id, id)));
      }
    },

    /** Records the playbook recommended at a handoff. */
    async insertAssignment(tx: Queryable, row: typeof playbookAssignments.$inferInsert) {
      await tx.insert(playbookAssignments).values(row);
    },

    /** A contact's latest assignment with its playbook and the rep's name. */
    async latestAssignment(tx: Queryable, workspaceId: string, contactId: string) {
      const [row] = await tx
        .select({ assignment: playbookAssignments, playbook: playbooks, repName: sql<string | null>`(select u.name from users u where u.id = ${playbookAssignments.repId})` })
        .from(playbookAssignments)
        .innerJoin(playbooks, and(eq(playbooks.workspaceId, playbookAssignments.workspaceId), eq(playbooks.id, playbookAssignments.playbookId)))
        .where(and(eq(playbookAssignments.workspaceId, workspaceId), eq(playbookAssignments.contactId, contactId)))
        .orderBy(desc(playbookAssignments.assignedAt), desc(playbookAssignments.id))
        .limit(1);
      return row ?? null;
    },
  };
}

export type PlaybooksRepository = ReturnType<typeof createPlaybooksRepository>;
