import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParamsSchema } from "../../../shared/contracts/common.js";
import {
  CreateWebhookBodySchema,
  ListWebhookDeliveriesQuerySchema,
  UpdateWebhookBodySchema,
  WebhookDeliveryPageSchema,
  WebhookDeliveryWithAttemptsSchema,
  WebhookEndpointListSchema,
  WebhookEndpointSchema,
  WebhookEndpointWithSecretSchema,
} from "../../../shared/contracts/webhooks.js";
import type { EndpointsService } from "./endpoints.service.js";
import type { DeliveriesService } from "./deliveries.service.js";

/** Outbound webhook endpoints and their delivery log (admins only). */
export const webhooksRoutes: FastifyPluginAsyncZod<{ endpoints: EndpointsService; deliveries: DeliveriesService }> = async (app, { endpoints, deliveries }) => {
  const tags = ["webhooks"];
  app.get("/webhooks", { schema: { tags, summary: "List webhook endpoints with delivery counts", response: { 200: WebhookEndpointListSchema } } }, async (req) => ({
    items: await endpoints.listEndpoints(req.ctx),
  }));
  app.post(
    "/webhooks",
    { schema: { tags, summary: "Register an endpoint (https, public address); returns its signing secret", body: CreateWebhookBodySchema, response: { 201: WebhookEndpointWithSecretSchema } } },
    async (req, reply) => reply.status(201).send(await endpoints.createEndpoint(req.ctx, req.body)),
  );
  app.get(
    "/webhooks/:id",
    { schema: { tags, summary: "One endpoint with its signing secret", params: IdParamsSchema, response: { 200: WebhookEndpointWithSecretSchema } } },
    (req) => endpoints.getEndpoint(req.ctx, req.params.id),
  );
  app.patch(
    "/webhooks/:id",
    { schema: { tags, summary: "Change an endpoint's URL, events, note, or enable/disable it", params: IdParamsSchema, body: UpdateWebhookBodySchema, response: { 200: WebhookEndpointSchema } } },
    (req) => endpoints.updateEndpoint(req.ctx, req.params.id, req.body),
  );
  app.delete("/webhooks/:id", { schema: { tags, summary: "Delete an endpoint and its delivery log", params: IdParamsSchema } }, async (req, reply) => {
    await endpoints.deleteEndpoint(req.ctx, req.params.id);
    return reply.status(204).send();
  });
  app.post(
    "/webhooks/:id/rotate-secret",
    { schema: { tags, summary: "Replace the signing secret (the old one stops working at once)", params: IdParamsSchema, response: { 200: WebhookEndpointWithSecretSchema } } },
    (req) => endpoints.rotateSecret(req.ctx, req.params.id),
  );
  app.post(
    "/webhooks/:id/test",
    { schema: { tags, summary: "Queue a webhook.test message to this endpoint; it is sent at once", params: IdParamsSchema, response: { 202: WebhookDeliveryWithAttemptsSchema } } },
    async (req, reply) => reply.status(202).send(await deliveries.sendTest(req.ctx, req.params.id)),
  );
  app.get(
    "/webhooks/:id/deliveries",
    { schema: { tags, summary: "The endpoint's delivery log, newest first, with every attempt", params: IdParamsSchema, querystring: ListWebhookDeliveriesQuerySchema, response: { 200: WebhookDeliveryPageSchema } } },
    (req) => deliveries.listDeliveries(req.ctx, req.params.id, req.query),
  );
  app.post(
    "/webhook-deliveries/:id/replay",
    { schema: { tags, summary: "Send a delivery again with the same webhook-id", params: IdParamsSchema, response: { 202: WebhookDeliveryWithAttemptsSchema } } },
    async (req, reply) => reply.status(202).send(await deliveries.replay(req.ctx, req.params.id)),
  );
};
