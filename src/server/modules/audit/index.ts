import type { FastifyInstance } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Database } from "../../db/client.js";
import type { RequestContext } from "../../platform/actor.js";
import { requireRole } from "../../platform/actor.js";
import { PERMISSIONS } from "../../../shared/domain/permissions.js";
import { AuditPageSchema, ListAuditQuerySchema, type ListAuditQuery } from "../../../shared/contracts/audit.js";
import { createAuditRepository } from "./audit.repository.js";
import { csvExportRoutes, defineCsvExport } from "../../platform/http/csv-export.js";

/** The audit log, readable by admins and managers. */
export function createAuditModule({ db }: { db: Database }) {
  const repo = createAuditRepository();
  /** Lists audit entries. */
  function listAudit(ctx: RequestContext, q: ListAuditQuery) {
    requireRole(ctx.actor, PERMISSIONS.readAudit, "read the audit log");
    return db.inWorkspace(ctx.workspaceId, (tx) => repo.list(tx, ctx.workspaceId, q));
  }
  const auditRoutes: FastifyPluginAsyncZod = async (app) => {
    app.get("/audit", { schema: { tags: ["audit"], summary: "List audit entries, newest first", querystring: ListAuditQuerySchema, response: { 200: AuditPageSchema } } }, (req) =>
      listAudit(req.ctx, req.query),
    );
  };
  const csvExports = [
    defineCsvExport({
      list: "audit",
      path: "/audit/export.csv",
      summary: "Every audit entry matching the log's filters, newest first, as CSV (admins and managers)",
      tags: ["audit", "exports"],
      query: ListAuditQuerySchema,
      page: listAudit,
      columns: [
        { header: "at", value: (a) => a.at },
        { header: "actor", value: (a) => a.actorName },
        { header: "actor user id", value: (a) => a.actorUserId },
        { header: "actor token id", value: (a) => a.actorTokenId },
        { header: "action", value: (a) => a.action },
        { header: "entity", value: (a) => a.entity },
        { header: "entity id", value: (a) => a.entityId },
        { header: "changes", value: (a) => (a.changes ? JSON.stringify(a.changes) : null) },
        { header: "id", value: (a) => a.id },
      ],
    }),
  ];
  async function routes(app: FastifyInstance) {
    await app.register(csvExportRoutes(csvExports));
    await app.register(auditRoutes);
  }
  return { routes, audit: { listAudit }, csvExports };
}
