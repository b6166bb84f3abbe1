import { z } from "zod";
import multipart from "@fastify/multipart";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParamsSchema } from "../../../shared/contracts/common.js";
import {
  ASSET_MAX_BYTES,
  AssetEventSchema,
  AssetSchema,
  AssetSearchQuerySchema,
  AttachAssetBodySchema,
  CreateAssetBodySchema,
  CreateShareBodySchema,
  CreatedShareSchema,
  DealAssetParamsSchema,
  AssetSearchResultSchema,
  RecommendationsSchema,
  ReviewAssetBodySchema,
  ShareSchema,
  UpdateAssetBodySchema,
} from "../../../shared/contracts/enablement-content.js";
import { AppError, invalidField } from "../../../shared/errors.js";
import type { AssetsService } from "./assets.service.js";
import type { AssetSharesService } from "./assets-shares.service.js";
import type { FileStore } from "./assets-files.js";

type Opts = { assets: AssetsService; shares: AssetSharesService; files: FileStore };

const DealAssetsSchema = z.object({ items: z.array(AssetSchema.extend({ attached: z.boolean() })) });

/** The content library: search with facets, assets and their files, publish and review, shares, deal attachments, recommendations. */
export const assetsRoutes: FastifyPluginAsyncZod<Opts> = async (app, { assets, shares, files }) => {
  const tags = ["enablement"];
  await app.register(multipart, { limits: { fileSize: ASSET_MAX_BYTES, files: 1, fields: 5, parts: 6 } });

  app.get("/assets", { schema: { tags, summary: "Search the content library (published by default) with facet counts", querystring: AssetSearchQuerySchema, response: { 200: AssetSearchResultSchema } } }, (req) =>
    assets.searchAssets(req.ctx, req.query),
  );
  app.post("/assets", { schema: { tags, summary: "Add a draft asset: a link, or a file to upload next", body: CreateAssetBodySchema, response: { 201: AssetSchema } } }, async (req, reply) =>
    reply.status(201).send(await assets.createAsset(req.ctx, req.body)),
  );
  app.get("/assets/:id", { schema: { tags, summary: "One asset", params: IdParamsSchema, response: { 200: AssetSchema } } }, (req) => assets.getAsset(req.ctx, req.params.id));
  app.patch("/assets/:id", { schema: { tags, summary: "Change an asset's fields", params: IdParamsSchema, body: UpdateAssetBodySchema, response: { 200: AssetSchema } } }, (req) =>
    assets.updateAsset(req.ctx, req.params.id, req.body),
  );
  app.post("/assets/:id/file", { schema: { tags, summary: `Upload an asset's file (multipart, one file, at most ${ASSET_MAX_BYTES / 1024 / 1024} MB, allow-listed types)`, params: IdParamsSchema, response: { 200: AssetSchema } } }, async (req) => {
    await assets.checkUploadable(req.ctx, req.params.id);
    if (!req.isMultipart()) throw invalidField("body", "send the file as multipart/form-data");
    const part = await req.file();
    if (!part) throw invalidField("body.file", "no file in the request");
    let data: Buffer;
    try {
      data = await part.toBuffer();
    } catch (e) {
      if ((e as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE") throw new AppError("payload_too_large", `The file is larger than ${ASSET_MAX_BYTES / 1024 / 1024} MB`);
      throw e;
    }
    if (data.length === 0) throw invalidField("body.file", "the file is empty");
    return assets.uploadFile(req.ctx, req.params.id, { name: part.filename, data });
  });
  app.get("/assets/:id/file", { schema: { tags, summary: "Download or preview an asset's file (members only; active content is always an attachment)", params: IdParamsSchema, querystring: z.object({ download: z.enum(["0", "1"]).optional() }) } }, async (req, reply) =>
    files.send(reply, await assets.fileOf(req.ctx, req.params.id), req.query.download === "1"),
  );
  for (const action of ["submit", "publish", "retire"] as const) {
    const summary = { submit: "Send a draft to review", publish: "Publish an Engage-stage asset", retire: "Retire an asset" }[action];
    app.post(`/assets/:id/${action}`, { schema: { tags, summary, params: IdParamsSchema, response: { 200: AssetSchema } } }, (req) => assets.moveAsset(req.ctx, req.params.id, action));
  }
  app.post("/assets/:id/review", { schema: { tags, summary: "Sales review: approve (publishes) or send back with comments", params: IdParamsSchema, body: ReviewAssetBodySchema, response: { 200: AssetSchema } } }, (req) =>
    assets.reviewAsset(req.ctx, req.params.id, req.body),
  );
  app.post("/assets/:id/shares", { schema: { tags, summary: "Share a published asset through a tracked link for a contact or deal", params: IdParamsSchema, body: CreateShareBodySchema, response: { 201: CreatedShareSchema } } }, async (req, reply) =>
    reply.status(201).send(await shares.shareAsset(req.ctx, req.params.id, req.body)),
  );
  app.get("/assets/:id/usage", { schema: { tags, summary: "An asset's tracked shares and latest events", params: IdParamsSchema, response: { 200: z.object({ shares: z.array(ShareSchema), events: z.array(AssetEventSchema) }) } } }, (req) =>
    shares.usageOf(req.ctx, req.params.id),
  );
  app.get("/contacts/:id/recommended-content", { schema: { tags, summary: "Content matching a contact's persona and buying stage", params: IdParamsSchema, response: { 200: RecommendationsSchema } } }, (req) =>
    assets.recommendForContact(req.ctx, req.params.id),
  );
  app.get("/deals/:id/recommended-content", { schema: { tags, summary: "Content matching a deal's buying stage, persona and competitor", params: IdParamsSchema, response: { 200: RecommendationsSchema } } }, (req) =>
    assets.recommendForDeal(req.ctx, req.params.id),
  );
  app.get("/deals/:id/assets", { schema: { tags, summary: "The content on a deal (attached or shared for it)", params: IdParamsSchema, response: { 200: DealAssetsSchema } } }, (req) => shares.listDealAssets(req.ctx, req.params.id));
  app.post("/deals/:id/assets", { schema: { tags, summary: "Attach a published asset to a deal", params: IdParamsSchema, body: AttachAssetBodySchema, response: { 200: DealAssetsSchema } } }, (req) =>
    shares.attachToDeal(req.ctx, req.params.id, req.body.assetId),
  );
  app.delete("/deals/:id/assets/:assetId", { schema: { tags, summary: "Detach an asset from a deal", params: DealAssetParamsSchema } }, async (req, reply) => {
    await shares.detachFromDeal(req.ctx, req.params.id, req.params.assetId);
    return reply.status(204).send();
  });
};

/** The public tracked link (outside /api): serves only the shared asset, or redirects to a link asset. */
export const trackedLinkRoutes: FastifyPluginAsyncZod<{ shares: AssetSharesService; files: FileStore }> = async (app, { shares, files }) => {
  app.get("/s/:token", { exposeHeadRoute: false, config: { public: true }, schema: { hide: true, params: z.object({ token: z.string().max(100) }) } }, async (req, reply) => {
    const target = await shares.openTrackedLink(req.params.token, { userAgent: req.headers["user-agent"] ?? null });
    if (!target) return reply.status(404).header("content-type", "text/plain; charset=utf-8").header("x-content-type-options", "nosniff").send("This link is not available.");
    if (target.kind === "link") return reply.header("referrer-policy", "no-referrer").header("cache-control", "no-store").redirect(target.url, 302);
    return files.send(reply, target.file, false);
  });
};
