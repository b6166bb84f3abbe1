import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParamsSchema } from "../../../shared/contracts/common.js";
import {
  AccountDetailSchema,
  AccountPageSchema,
  AccountSchema,
  CreateAccountBodySchema,
  ListAccountsQuerySchema,
  UpdateAccountBodySchema,
} from "../../../shared/contracts/accounts.js";
import type { AccountsService } from "./accounts.service.js";

/** Accounts CRUD. */
export const accountsRoutes: FastifyPluginAsyncZod<{ accounts: AccountsService }> = async (app, { accounts }) => {
  const tags = ["accounts"];
  app.get("/accounts", { schema: { tags, summary: "List accounts", querystring: ListAccountsQuerySchema, response: { 200: AccountPageSchema } } }, (req) =>
    accounts.listAccounts(req.ctx, req.query),
  );
  app.post("/accounts", { config: { idempotent: true }, schema: { tags, summary: "Create an account", body: CreateAccountBodySchema, response: { 201: AccountSchema } } }, async (req, reply) =>
    reply.status(201).send(await accounts.createAccount(req.ctx, req.body)),
  );
  app.get("/accounts/:id", { schema: { tags, summary: "Get an account with its numbers", params: IdParamsSchema, response: { 200: AccountDetailSchema } } }, (req) =>
    accounts.getAccount(req.ctx, req.params.id),
  );
  app.patch(
    "/accounts/:id",
    { schema: { tags, summary: "Update an account", params: IdParamsSchema, body: UpdateAccountBodySchema, response: { 200: AccountSchema } } },
    (req) => accounts.updateAccount(req.ctx, req.params.id, req.body),
  );
  app.delete("/accounts/:id", { schema: { tags, summary: "Delete an account without contacts or deals", params: IdParamsSchema } }, async (req, reply) => {
    await accounts.deleteAccount(req.ctx, req.params.id);
    return reply.status(204).send();
  });
};
