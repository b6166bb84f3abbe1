import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParamsSchema } from "../../../shared/contracts/common.js";
import { ContactMessagingSchema, CreateMessageBodySchema, MessageListQuerySchema, MessageListSchema, MessageSchema, UpdateMessageBodySchema } from "../../../shared/contracts/enablement-messages.js";
import type { MessagesService } from "./messages.service.js";

/** The messaging library and a contact's messaging. */
export const messagesRoutes: FastifyPluginAsyncZod<{ messages: MessagesService }> = async (app, { messages }) => {
  const tags = ["enablement"];
  app.get("/messages", { schema: { tags, summary: "Search the messaging library (filters: kind, persona, product, archived)", querystring: MessageListQuerySchema, response: { 200: MessageListSchema } } }, (req) =>
    messages.listMessages(req.ctx, req.query),
  );
  app.post("/messages", { schema: { tags, summary: "Write a value proposition, FAQ or talk track", body: CreateMessageBodySchema, response: { 201: MessageSchema } } }, async (req, reply) =>
    reply.status(201).send(await messages.createMessage(req.ctx, req.body)),
  );
  app.get("/messages/:id", { schema: { tags, summary: "A message", params: IdParamsSchema, response: { 200: MessageSchema } } }, (req) => messages.getMessage(req.ctx, req.params.id));
  app.patch("/messages/:id", { schema: { tags, summary: "Change, archive or restore a message", params: IdParamsSchema, body: UpdateMessageBodySchema, response: { 200: MessageSchema } } }, (req) =>
    messages.updateMessage(req.ctx, req.params.id, req.body),
  );
  app.get("/contacts/:id/messaging", { schema: { tags, summary: "The messaging of the contact's persona (value props, talk tracks, FAQs)", params: IdParamsSchema, response: { 200: ContactMessagingSchema } } }, (req) =>
    messages.contactMessaging(req.ctx, req.params.id),
  );
};
