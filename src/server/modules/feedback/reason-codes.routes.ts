import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ListReasonCodesQuerySchema, ReasonCodeListSchema } from "../../../shared/contracts/reason-codes.js";
import type { ReasonCodesService } from "./reason-codes.service.js";

/** Reason taxonomies. */
export const reasonCodesRoutes: FastifyPluginAsyncZod<{ reasons: ReasonCodesService }> = async (app, { reasons }) => {
  app.get(
    "/reason-codes",
    { schema: { tags: ["feedback"], summary: "List reason codes (reject, recycle, disqualify, loss, no decision, win)", querystring: ListReasonCodesQuerySchema, response: { 200: ReasonCodeListSchema } } },
    async (req) => ({ items: await reasons.listReasonCodes(req.ctx, req.query.kind) }),
  );
};
