import { ListHandoffsQuerySchema } from "../../../shared/contracts/routing.js";
import { defineCsvExport } from "../../platform/http/csv-export.js";
import type { HandoffsService } from "./handoffs.service.js";

/** The hand-offs list as CSV, through the list's own page read. */
export function createHandoffsExports({ handoffs }: { handoffs: Pick<HandoffsService, "listHandoffs"> }) {
  return [
    defineCsvExport({
      list: "handoffs",
      path: "/handoffs/export.csv",
      summary: "Every hand-off matching the list's filters (optionally to one rep), as CSV (streamed)",
      tags: ["routing", "exports"],
      query: ListHandoffsQuerySchema,
      page: handoffs.listHandoffs,
      columns: [
        { header: "id", value: (h) => h.id },
        { header: "at", value: (h) => h.createdAt },
        { header: "contact id", value: (h) => h.contactId },
        { header: "contact", value: (h) => h.contactName },
        { header: "to user id", value: (h) => h.toUserId },
        { header: "to", value: (h) => h.toUserName },
        { header: "from user id", value: (h) => h.fromUserId },
        { header: "from", value: (h) => h.fromUserName },
        { header: "rule", value: (h) => h.ruleName },
        { header: "reason", value: (h) => h.reason },
        { header: "campaign id", value: (h) => h.campaignId },
        { header: "definition version", value: (h) => h.definitionVersion },
      ],
    }),
  ];
}
