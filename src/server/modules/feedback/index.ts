import type { FastifyInstance } from "fastify";
import type { Database } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import type { CrmModule } from "../crm/index.js";
import type { AgreementService } from "../agreement/index.js";
import type { SlaModule } from "../sla/index.js";
import { createLeadsService } from "./leads.service.js";
import { createInboxRepository } from "./inbox.repository.js";
import { createInboxService, type PlaybookHints } from "./inbox.service.js";
export { playbookHints } from "./inbox.service.js";
import { createRejectionsRepository } from "./rejections.repository.js";
import { createInsightsService } from "./insights.service.js";
import { closedLoopRoutes } from "./closed-loop.routes.js";
import { createRejectionNotice } from "./rejection-notice.js";
import type { NotificationsService } from "../notifications/index.js";
import { createReasonCodesRepository } from "./reason-codes.repository.js";
import { createReasonCodesService } from "./reason-codes.service.js";
import { reasonCodesRoutes } from "./reason-codes.routes.js";
import { createClosedLoopExports, createReasonCodesExports } from "./feedback.exports.js";
import { csvExportRoutes } from "../../platform/http/csv-export.js";

/** Closed-loop feedback: the reason taxonomies (created first: workspace creation seeds them). */
export function createFeedbackModule(deps: { db: Database }) {
  const reasons = createReasonCodesService({ db: deps.db, repo: createReasonCodesRepository() });
  const csvExports = createReasonCodesExports({ reasons });
  async function routes(app: FastifyInstance) {
    await app.register(csvExportRoutes(csvExports));
    await app.register(reasonCodesRoutes, { reasons });
  }
  return { routes, reasons, csvExports };
}

export type FeedbackModule = ReturnType<typeof createFeedbackModule>;

type ClosedLoopDeps = {
  db: Database;
  clock: Clock;
  crm: Pick<CrmModule, "routingAccess" | "lifecycle">;
  agreement: Pick<AgreementService, "getActiveDefinitionIn" | "createDraft">;
  sla: Pick<SlaModule["ledger"], "countdownsIn">;
  notifications: Pick<NotificationsService, "notifyIn">;
  playbooks?: { hints: PlaybookHints };
};

/** Closed-loop feedback (DESIGN §2): the inbox, accept/reject/recycle/disqualify, rejection roll-ups and suggestions. */
export function createClosedLoopModule({ db, clock, crm, agreement, sla, notifications, playbooks }: ClosedLoopDeps) {
  const leads = createLeadsService({ db, crm });
  const inbox = createInboxService({ db, repo: createInboxRepository(), sla, playbooks });
  const insights = createInsightsService({ db, repo: createRejectionsRepository(), clock, agreement });
  const csvExports = createClosedLoopExports({ inbox, insights });
  async function routes(app: FastifyInstance) {
    await app.register(csvExportRoutes(csvExports));
    await app.register(closedLoopRoutes, { leads, inbox, insights });
  }
  return { routes, leads, inbox, insights, csvExports, onStageChanged: createRejectionNotice({ notifications }) };
}
export type { ReasonCodesService } from "./reason-codes.service.js";
