import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParamsSchema } from "../../../shared/contracts/common.js";
import {
  AssignContentRequestBodySchema,
  ContentRequestListSchema,
  ContentRequestSchema,
  CreateContentRequestBodySchema,
  ListContentRequestsQuerySchema,
  MoveContentRequestBodySchema,
} from "../../../shared/contracts/enablement-content.js";
import type { ContentRequestsService } from "./content-requests.service.js";

/** Content requests from sales to marketing and the board marketing works them on. */
export const contentRequestsRoutes: FastifyPluginAsyncZod<{ requests: ContentRequestsService }> = async (app, { requests }) => {
  const tags = ["enablement"];
  app.get(
    "/content-requests",
    { schema: { tags, summary: "Content requests (the board), high priority first", querystring: ListContentRequestsQuerySchema, response: { 200: ContentRequestListSchema } } },
    async (req) => ({ items: await requests.listRequests(req.ctx, req.query) }),
  );
  app.post("/content-requests", { schema: { tags, summary: "Ask marketing for missing content", body: CreateContentRequestBodySchema, response: { 201: ContentRequestSchema } } }, async (req, reply) =>
    reply.status(201).send(await requests.createRequest(req.ctx, req.body)),
  );
  app.get("/content-requests/:id", { schema: { tags, summary: "One content request", params: IdParamsSchema, response: { 200: ContentRequestSchema } } }, (req) =>
    requests.getRequest(req.ctx, req.params.id),
  );
  app.post(
    "/content-requests/:id/move",
    { schema: { tags, summary: "Move a request on the board (delivered names the asset, declined gives a reason)", params: IdParamsSchema, body: MoveContentRequestBodySchema, response: { 200: ContentRequestSchema } } },
    (req) => requests.moveRequest(req.ctx, req.params.id, req.body),
  );
  app.put(
    "/content-requests/:id/assignee",
    { schema: { tags, summary: "Assign a request (or clear the assignee)", params: IdParamsSchema, body: AssignContentRequestBodySchema, response: { 200: ContentRequestSchema } } },
    (req) => requests.assignRequest(req.ctx, req.params.id, req.body),
  );
};
