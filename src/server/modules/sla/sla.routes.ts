import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParamsSchema } from "../../../shared/contracts/common.js";
import {
  CalendarSchema,
  CalendarsResponseSchema,
  CreateSlaPolicyBodySchema,
  LedgerQuerySchema,
  LedgerResponseSchema,
  ListTimersQuerySchema,
  PutCalendarBodySchema,
  SlaPolicySchema,
  SlaTimerSchema,
  UpdateSlaPolicyBodySchema,
} from "../../../shared/contracts/sla.js";
import type { CalendarsService } from "./calendars.service.js";
import type { LedgerService } from "./ledger.service.js";
import type { PoliciesService } from "./policies.service.js";

type Opts = { policies: PoliciesService; calendars: CalendarsService; ledger: LedgerService };

/** SLA policies, business calendars, timers and the breach ledger. */
export const slaRoutes: FastifyPluginAsyncZod<Opts> = async (app, { policies, calendars, ledger }) => {
  const tags = ["sla"];
  app.get("/sla-policies", { schema: { tags, summary: "List both sides' SLA policies", response: { 200: z.object({ items: z.array(SlaPolicySchema) }) } } }, async (req) => ({
    items: await policies.listPolicies(req.ctx),
  }));
  app.post(
    "/sla-policies",
    { schema: { tags, summary: "Add an SLA policy (a team's own terms, or a marketing target for a segment)", body: CreateSlaPolicyBodySchema, response: { 201: SlaPolicySchema } } },
    async (req, reply) => reply.status(201).send(await policies.createPolicy(req.ctx, req.body)),
  );
  app.patch(
    "/sla-policies/:id",
    { schema: { tags, summary: "Change an SLA policy's name, terms or enabled flag", params: IdParamsSchema, body: UpdateSlaPolicyBodySchema, response: { 200: SlaPolicySchema } } },
    (req) => policies.updatePolicy(req.ctx, req.params.id, req.body),
  );
  app.delete("/sla-policies/:id", { schema: { tags, summary: "Delete an SLA policy", params: IdParamsSchema } }, async (req, reply) => {
    await policies.deletePolicy(req.ctx, req.params.id);
    return reply.status(204).send();
  });

  app.get("/business-calendars", { schema: { tags, summary: "The default business calendar and teams' own", response: { 200: CalendarsResponseSchema } } }, (req) =>
    calendars.listCalendars(req.ctx),
  );
  app.put(
    "/business-calendars/default",
    { schema: { tags, summary: "Save the workspace's business calendar", body: PutCalendarBodySchema, response: { 200: CalendarSchema } } },
    (req) => calendars.putCalendar(req.ctx, null, req.body),
  );
  app.put(
    "/business-calendars/teams/:id",
    { schema: { tags, summary: "Save a team's own business calendar", params: IdParamsSchema, body: PutCalendarBodySchema, response: { 200: CalendarSchema } } },
    (req) => calendars.putCalendar(req.ctx, req.params.id, req.body),
  );
  app.delete("/business-calendars/teams/:id", { schema: { tags, summary: "Drop a team's own calendar (it uses the default)", params: IdParamsSchema } }, async (req, reply) => {
    await calendars.deleteTeamCalendar(req.ctx, req.params.id);
    return reply.status(204).send();
  });

  app.get("/sla-timers", { schema: { tags, summary: "SLA timers with business minutes left", querystring: ListTimersQuerySchema, response: { 200: z.object({ items: z.array(SlaTimerSchema) }) } } }, async (req) => ({
    items: await ledger.listTimers(req.ctx, req.query),
  }));
  app.get("/sla/ledger", { schema: { tags, summary: "Both sides' SLA attainment for a period, and the breaches", querystring: LedgerQuerySchema, response: { 200: LedgerResponseSchema } } }, (req) =>
    ledger.ledger(req.ctx, req.query),
  );
};
