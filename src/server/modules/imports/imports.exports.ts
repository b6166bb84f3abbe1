import { ListImportsQuerySchema } from "../../../shared/contracts/imports.js";
import { defineCsvExport } from "../../platform/http/csv-export.js";
import type { ImportsService } from "./imports.service.js";

/** The import history as CSV, through the list's own page read. */
export function createImportsExports({ imports }: { imports: Pick<ImportsService, "listImports"> }) {
  return [
    defineCsvExport({
      list: "imports",
      path: "/imports/export.csv",
      summary: "The import history matching the list's filters, with each import's accounting, as CSV",
      tags: ["imports", "exports"],
      query: ListImportsQuerySchema,
      page: imports.listImports,
      columns: [
        { header: "id", value: (i) => i.id },
        { header: "created at", value: (i) => i.createdAt },
        { header: "file", value: (i) => i.fileName },
        { header: "bytes", value: (i) => i.fileBytes },
        { header: "entity", value: (i) => i.entity },
        { header: "preset", value: (i) => i.preset },
        { header: "dry run", value: (i) => i.dryRun },
        { header: "status", value: (i) => i.status },
        { header: "rows", value: (i) => i.totalRows },
        { header: "created", value: (i) => i.created },
        { header: "updated", value: (i) => i.updated },
        { header: "skipped", value: (i) => i.skipped },
        { header: "failed", value: (i) => i.failed },
        { header: "error", value: (i) => i.error },
        { header: "started at", value: (i) => i.startedAt },
        { header: "finished at", value: (i) => i.finishedAt },
      ],
    }),
  ];
}
