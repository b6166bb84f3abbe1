import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ApiTokenSchema, CreateApiTokenBodySchema, CreatedApiTokenSchema } from "../../../shared/contracts/auth.js";
import { IdParamsSchema } from "../../../shared/contracts/common.js";
import type { TokensService } from "./tokens.service.js";

/** API tokens. */
export const tokensRoutes: FastifyPluginAsyncZod<{ tokens: TokensService }> = async (app, { tokens }) => {
  const tags = ["api tokens"];
  app.get("/tokens", { schema: { tags, summary: "List API tokens (yours; all for admins)", response: { 200: z.object({ items: z.array(ApiTokenSchema) }) } } }, async (req) => ({
    items: await tokens.listTokens(req.ctx),
  }));
  app.post(
    "/tokens",
    { schema: { tags, summary: "Create an API token (the secret is shown once)", body: CreateApiTokenBodySchema, response: { 201: CreatedApiTokenSchema } } },
    async (req, reply) => reply.status(201).send(await tokens.createToken(req.ctx, req.body)),
  );
  app.delete("/tokens/:id", { schema: { tags, summary: "Revoke an API token", params: IdParamsSchema } }, async (req, reply) => {
    await tokens.revokeToken(req.ctx, req.params.id);
    return reply.status(204).send();
  });
};
