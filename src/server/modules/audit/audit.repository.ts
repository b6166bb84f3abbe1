import { and, eq, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { auditLog, users } from "../../db/schema/index.js";
import type { ListAuditQuery } from "../../../shared/contracts/audit.js";
import { keyset, parseSort, toPage } from "../../platform/pagination.js";

/** Reads the audit log (writes go through platform/audit). */
export function createAuditRepository() {
  return {
    /** Audit entries, newest first, with the actor's name. */
    async list(tx: Queryable, workspaceId: string, q: ListAuditQuery) {
      const { desc } = parseSort<"at">(q.sort, "-at");
      const page = keyset({ column: sql`${auditLog.at}`, id: sql`${auditLog.id}`, desc, cast: "timestamptz" }, q.cursor);
      const conds: (SQL | undefined)[] = [eq(auditLog.workspaceId, workspaceId), page.after];
      if (q.entity) conds.push(eq(auditLog.entity, q.entity));
      if (q.entityId) conds.push(eq(auditLog.entityId, q.entityId));
      if (q.actorUserId) conds.push(eq(auditLog.actorUserId, q.actorUserId));
      const rows = await tx
        .select({
          id: auditLog.id,
          at: auditLog.at,
          actorUserId: auditLog.actorUserId,
          actorName: users.name,
          actorTokenId: auditLog.actorTokenId,
          action: auditLog.action,
          entity: auditLog.entity,
          entityId: auditLog.entityId,
          changes: auditLog.changes,
        })
        .from(auditLog)
        .leftJoin(users, eq(users.id, auditLog.actorUserId))
        .where(and(...conds))
        .orderBy(page.orderBy)
        .limit(q.limit + 1);
      return toPage(rows, q.limit, (r) => r.at);
    },
  };
}
