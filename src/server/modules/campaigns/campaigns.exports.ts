import { ListCampaignsQuerySchema } from "../../../shared/contracts/campaigns.js";
import { defineCsvExport } from "../../platform/http/csv-export.js";
import type { CampaignsService } from "./campaigns.service.js";

/** The campaigns list as CSV, through the list's own page read. */
export function createCampaignsExports({ campaigns }: { campaigns: Pick<CampaignsService, "listCampaigns"> }) {
  return [
    defineCsvExport({
      list: "campaigns",
      path: "/campaigns/export.csv",
      summary: "Every campaign matching the list's filters, as CSV (streamed)",
      tags: ["campaigns", "exports"],
      query: ListCampaignsQuerySchema,
      page: campaigns.listCampaigns,
      columns: [
        { header: "id", value: (c) => c.id },
        { header: "name", value: (c) => c.name },
        { header: "channel", value: (c) => c.channel },
        { header: "vehicle", value: (c) => c.vehicle },
        { header: "status", value: (c) => c.status },
        { header: "starts on", value: (c) => c.startsOn },
        { header: "ends on", value: (c) => c.endsOn },
        { header: "budget", value: (c) => c.budget },
        { header: "actual cost", value: (c) => c.actualCost },
        { header: "target personas", value: (c) => c.targetPersonas.join("; ") },
        { header: "owner id", value: (c) => c.ownerId },
        { header: "created at", value: (c) => c.createdAt },
      ],
    }),
  ];
}
