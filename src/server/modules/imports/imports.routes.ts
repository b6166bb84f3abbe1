import { PassThrough } from "node:stream";
import multipart from "@fastify/multipart";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParamsSchema } from "../../../shared/contracts/common.js";
import { IMPORT_MAX_UPLOAD_BYTES, ImportPageSchema, ImportPreviewSchema, ImportSchema, ListImportsQuerySchema, StartImportBodySchema, UploadImportQuerySchema } from "../../../shared/contracts/imports.js";
import { invalidField } from "../../../shared/errors.js";
import type { ImportsService } from "./imports.service.js";

/** CSV imports: upload (multipart), preview, start or dry-run, progress, error report, history. */
export const importsRoutes: FastifyPluginAsyncZod<{ imports: ImportsService }> = async (app, { imports }) => {
  const tags = ["imports"];
  // Registered here, not app-wide: only the upload route takes multipart bodies.
  await app.register(multipart, { limits: { fileSize: IMPORT_MAX_UPLOAD_BYTES, files: 1, fields: 5 } });

  app.post(
    "/imports",
    { schema: { tags, summary: "Upload a CSV file (multipart field `file`) for an import; answers with a preview and the proposed mapping", querystring: UploadImportQuerySchema, response: { 201: ImportPreviewSchema } } },
    async (req, reply) => {
      const file = req.isMultipart() ? await req.file() : undefined;
      if (!file) throw invalidField("body.file", "attach the CSV file as the multipart field `file`");
      return reply.status(201).send(await imports.upload(req.ctx, req.query, { filename: file.filename, stream: file.file }));
    },
  );
  app.get("/imports", { schema: { tags, summary: "Past imports, newest first", querystring: ListImportsQuerySchema, response: { 200: ImportPageSchema } } }, (req) =>
    imports.listImports(req.ctx, req.query),
  );
  app.get("/imports/:id", { schema: { tags, summary: "An import with its progress and the accounting of its rows", params: IdParamsSchema, response: { 200: ImportSchema } } }, (req) =>
    imports.getImport(req.ctx, req.params.id),
  );
  app.post(
    "/imports/:id/start",
    { schema: { tags, summary: "Start an uploaded import (or a dry run) with a mapping", params: IdParamsSchema, body: StartImportBodySchema, response: { 202: ImportSchema } } },
    async (req, reply) => reply.status(202).send(await imports.start(req.ctx, req.params.id, req.body)),
  );
  app.get(
    "/imports/:id/errors.csv",
    { schema: { tags, summary: "The failed and skipped rows in the input's own columns, with the outcome and reason", params: IdParamsSchema } },
    async (req, reply) => {
      const imp = await imports.getImport(req.ctx, req.params.id);
      const out = new PassThrough();
      imports.writeErrorReport(req.ctx, imp.id, out).catch((err: Error) => out.destroy(err));
      const name = imp.fileName.replace(/\.csv$/i, "").replace(/[^\w.-]+/g, "_");
      return reply.header("content-type", "text/csv; charset=utf-8").header("content-disposition", `attachment; filename="${name}-errors.csv"`).send(out);
    },
  );
};
