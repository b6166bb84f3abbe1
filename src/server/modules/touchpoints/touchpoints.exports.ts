import { ListTouchpointsQuerySchema } from "../../../shared/contracts/touchpoints.js";
import { defineCsvExport } from "../../platform/http/csv-export.js";
import type { TouchpointsService } from "./touchpoints.service.js";

/** The activity log (touchpoints) as CSV, through the list's own page read. */
export function createTouchpointsExports({ touchpoints }: { touchpoints: Pick<TouchpointsService, "listTouchpoints"> }) {
  return [
    defineCsvExport({
      list: "touchpoints",
      path: "/touchpoints/export.csv",
      summary: "Every touchpoint matching the activity list's filters, as CSV (streamed)",
      tags: ["touchpoints", "exports"],
      query: ListTouchpointsQuerySchema,
      page: touchpoints.listTouchpoints,
      columns: [
        { header: "id", value: (t) => t.id },
        { header: "occurred at", value: (t) => t.occurredAt },
        { header: "type", value: (t) => t.type },
        { header: "category", value: (t) => t.category },
        { header: "channel", value: (t) => t.channel },
        { header: "contact id", value: (t) => t.contactId },
        { header: "contact", value: (t) => t.contactName },
        { header: "account id", value: (t) => t.accountId },
        { header: "account", value: (t) => t.accountName },
        { header: "campaign id", value: (t) => t.campaignId },
        { header: "campaign", value: (t) => t.campaignName },
        { header: "asset id", value: (t) => t.assetId },
        { header: "source", value: (t) => t.source },
        { header: "client event id", value: (t) => t.clientEventId },
        { header: "properties", value: (t) => JSON.stringify(t.properties) },
        { header: "received at", value: (t) => t.receivedAt },
      ],
    }),
  ];
}
