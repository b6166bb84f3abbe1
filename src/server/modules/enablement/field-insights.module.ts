import type { FastifyInstance } from "fastify";
import type { Database } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import { csvExportRoutes, defineCsvExport } from "../../platform/http/csv-export.js";
import { ListInsightsQuerySchema } from "../../../shared/contracts/enablement-insights.js";
import { INSIGHT_KIND_LABELS } from "../../../shared/domain/insights.js";
import type { CrmModule } from "../crm/index.js";
import type { NotificationsService } from "../notifications/index.js";
import { createFieldInsightsRepository } from "./field-insights.repository.js";
import { createFieldInsightsService } from "./field-insights.service.js";
import { createRideAlongsService } from "./ride-alongs.service.js";
import { fieldInsightsRoutes } from "./field-insights.routes.js";

export type FieldInsightDeps = {
  db: Database;
  clock: Clock;
  crm: Pick<CrmModule, "names" | "dealRef">;
  notifications: Pick<NotificationsService, "notifyIn">;
};

/** Field insights, their votes and triage, and ride-alongs (docs/ENABLEMENT.md, "Field insights"). */
export function createFieldInsightParts({ db, clock, crm, notifications }: FieldInsightDeps) {
  const repo = createFieldInsightsRepository();
  const insights = createFieldInsightsService({ db, repo, clock, names: crm.names, dealRef: crm.dealRef, notifications });
  const rideAlongs = createRideAlongsService({ db, repo, clock, names: crm.names, insights });
  const csvExports = [
    defineCsvExport({
      list: "insights",
      path: "/insights/export.csv",
      summary: "Every field insight matching the feed's filters, as CSV (streamed)",
      tags: ["enablement", "exports"],
      query: ListInsightsQuerySchema,
      page: insights.listInsights,
      columns: [
        { header: "id", value: (i) => i.id },
        { header: "kind", value: (i) => INSIGHT_KIND_LABELS[i.kind] },
        { header: "text", value: (i) => i.text },
        { header: "status", value: (i) => i.status },
        { header: "votes", value: (i) => i.votes },
        { header: "account", value: (i) => i.accountName },
        { header: "deal", value: (i) => i.dealName },
        { header: "persona", value: (i) => i.personaName },
        { header: "competitor", value: (i) => i.competitorName },
        { header: "ride-along id", value: (i) => i.rideAlongId },
        { header: "submitted by", value: (i) => i.submittedByName },
        { header: "submitted at", value: (i) => i.createdAt },
        { header: "action taken", value: (i) => i.actionTaken },
        { header: "actioned at", value: (i) => i.actionedAt },
      ],
    }),
  ];
  async function routes(app: FastifyInstance) {
    await app.register(csvExportRoutes(csvExports));
    await app.register(fieldInsightsRoutes, { insights, rideAlongs });
  }
  return { routes, insights, rideAlongs, csvExports };
}
