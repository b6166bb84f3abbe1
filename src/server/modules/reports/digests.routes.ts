import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParamsSchema } from "../../../shared/contracts/common.js";
import { CreateDigestBodySchema, DigestSchema, DigestSummarySchema } from "../../../shared/contracts/digests.js";
import type { DigestsService } from "./digests.service.js";

/** The weekly digest both teams receive, and its archive. */
export const digestsRoutes: FastifyPluginAsyncZod<{ digests: DigestsService }> = async (app, { digests }) => {
  const tags = ["reports"];
  app.get("/digests", { schema: { tags, summary: "Weekly digests sent, newest week first", response: { 200: z.object({ items: z.array(DigestSummarySchema) }) } } }, async (req) => ({
    items: await digests.listDigests(req.ctx),
  }));
  app.post(
    "/digests",
    { schema: { tags, summary: "Send the digest of a finished week now (managers and admins; it also goes out every Monday)", body: CreateDigestBodySchema, response: { 201: DigestSchema } } },
    async (req, reply) => reply.status(201).send(await digests.createDigest(req.ctx, req.body)),
  );
  app.get("/digests/:id", { schema: { tags, summary: "One weekly digest as it was sent", params: IdParamsSchema, response: { 200: DigestSchema } } }, (req) => digests.getDigest(req.ctx, req.params.id));
};
