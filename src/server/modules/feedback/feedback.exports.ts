import { InboxQuerySchema, RejectionsQuerySchema } from "../../../shared/contracts/feedback.js";
import { ListReasonCodesQuerySchema } from "../../../shared/contracts/reason-codes.js";
import { defineCsvExport } from "../../platform/http/csv-export.js";
import type { InboxService } from "./inbox.service.js";
import type { InsightsService } from "./insights.service.js";
import type { ReasonCodesService } from "./reason-codes.service.js";

/** The reason codes as CSV (a short list: one read). */
export function createReasonCodesExports({ reasons }: { reasons: Pick<ReasonCodesService, "listReasonCodes"> }) {
  return [
    defineCsvExport({
      list: "reason-codes",
      path: "/reason-codes/export.csv",
      summary: "The reason codes (optionally of one kind), as CSV",
      tags: ["feedback", "exports"],
      query: ListReasonCodesQuerySchema,
      all: (ctx, q) => reasons.listReasonCodes(ctx, q.kind),
      columns: [
        { header: "kind", value: (r) => r.kind },
        { header: "code", value: (r) => r.code },
        { header: "label", value: (r) => r.label },
        { header: "active", value: (r) => r.active },
      ],
    }),
  ];
}

/**
 * A rep's inbox and the rejections roll-up as CSV. Both are bounded reads (a rep's open leads; one row per campaign
 * or source and reason), exported with the same checks as the pages: another rep's inbox needs a manager.
 */
export function createClosedLoopExports({ inbox, insights }: { inbox: Pick<InboxService, "inbox">; insights: Pick<InsightsService, "rejections"> }) {
  return [
    defineCsvExport({
      list: "inbox",
      path: "/inbox/export.csv",
      summary: "A rep's open leads (the inbox) with SLA due times and hand-off reasons, as CSV",
      tags: ["feedback", "exports"],
      query: InboxQuerySchema,
      all: async (ctx, q) => (await inbox.inbox(ctx, q.ownerId)).items,
      columns: [
        { header: "contact id", value: (i) => i.contactId },
        { header: "name", value: (i) => i.name },
        { header: "email", value: (i) => i.email },
        { header: "title", value: (i) => i.title },
        { header: "account", value: (i) => i.accountName },
        { header: "stage", value: (i) => i.stage },
        { header: "stage entered at", value: (i) => i.stageEnteredAt },
        { header: "fit grade", value: (i) => i.fitGrade },
        { header: "engagement score", value: (i) => i.engagementScore },
        { header: "source", value: (i) => i.source },
        { header: "campaign", value: (i) => i.campaignName },
        { header: "attempts", value: (i) => i.attempts },
        { header: "handed off at", value: (i) => i.handoff?.at },
        { header: "hand-off reason", value: (i) => i.handoff?.reason },
        { header: "sla due at", value: (i) => i.timer?.dueAt },
        { header: "sla state", value: (i) => i.timer?.state },
        { header: "playbook", value: (i) => i.playbook?.name },
        { header: "next step", value: (i) => i.playbook?.nextStep },
      ],
    }),
    defineCsvExport({
      list: "rejections",
      path: "/feedback/rejections/export.csv",
      summary: "Accepted and rejected MQLs per campaign or source with each rejection reason (one row per group and reason), as CSV",
      tags: ["feedback", "exports"],
      query: RejectionsQuerySchema,
      all: async (ctx, q) => {
        const r = await insights.rejections(ctx, q);
        // One row per reason, and one for a group without rejections, so every group appears.
        return r.groups.flatMap((g) => (g.reasons.length ? g.reasons : [null]).map((reason) => ({ from: r.from, to: r.to, by: r.by, g, reason })));
      },
      columns: [
        { header: "from", value: (x) => x.from },
        { header: "to", value: (x) => x.to },
        { header: "by", value: (x) => x.by },
        { header: "group", value: (x) => x.g.label },
        { header: "campaign id", value: (x) => x.g.campaignId },
        { header: "accepted", value: (x) => x.g.accepted },
        { header: "rejected", value: (x) => x.g.rejected },
        { header: "rejection rate", value: (x) => x.g.rejectionRate },
        { header: "reason code", value: (x) => x.reason?.code },
        { header: "reason", value: (x) => x.reason?.label },
        { header: "reason count", value: (x) => x.reason?.count },
        { header: "reason share", value: (x) => x.reason?.share },
      ],
    }),
  ];
}
