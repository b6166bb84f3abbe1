import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParamsSchema } from "../../../shared/contracts/common.js";
import {
  ContactDetailSchema,
  ContactPageSchema,
  CreateContactBodySchema,
  ListContactsQuerySchema,
  MoveStageBodySchema,
  TimelineQuerySchema,
  TimelineSchema,
  UpdateContactBodySchema,
} from "../../../shared/contracts/contacts.js";
import type { ContactsService } from "./contacts.service.js";

/** Contacts CRUD, lifecycle moves and timeline. */
export const contactsRoutes: FastifyPluginAsyncZod<{ contacts: ContactsService }> = async (app, { contacts }) => {
  const tags = ["contacts"];
  app.get("/contacts", { schema: { tags, summary: "List contacts (leads)", querystring: ListContactsQuerySchema, response: { 200: ContactPageSchema } } }, (req) =>
    contacts.listContacts(req.ctx, req.query),
  );
  app.post("/contacts", { config: { idempotent: true }, schema: { tags, summary: "Create a contact", body: CreateContactBodySchema, response: { 201: ContactDetailSchema } } }, async (req, reply) =>
    reply.status(201).send(await contacts.createContact(req.ctx, req.body)),
  );
  app.get("/contacts/:id", { schema: { tags, summary: "Get a contact", params: IdParamsSchema, response: { 200: ContactDetailSchema } } }, (req) =>
    contacts.getContact(req.ctx, req.params.id),
  );
  app.patch(
    "/contacts/:id",
    { schema: { tags, summary: "Update a contact's fields", params: IdParamsSchema, body: UpdateContactBodySchema, response: { 200: ContactDetailSchema } } },
    (req) => contacts.updateContact(req.ctx, req.params.id, req.body),
  );
  app.delete("/contacts/:id", { schema: { tags, summary: "Delete a contact and its touchpoints", params: IdParamsSchema } }, async (req, reply) => {
    await contacts.deleteContact(req.ctx, req.params.id);
    return reply.status(204).send();
  });
  app.post(
    "/contacts/:id/stage",
    { schema: { tags, summary: "Move a contact to another lifecycle stage (reason required for exits)", params: IdParamsSchema, body: MoveStageBodySchema, response: { 200: ContactDetailSchema } } },
    (req) => contacts.moveStage(req.ctx, req.params.id, req.body),
  );
  app.get(
    "/contacts/:id/timeline",
    { schema: { tags, summary: "Touchpoints and stage changes, newest first", params: IdParamsSchema, querystring: TimelineQuerySchema, response: { 200: TimelineSchema } } },
    (req) => contacts.getTimeline(req.ctx, req.params.id, req.query.limit, req.query.before),
  );
};
