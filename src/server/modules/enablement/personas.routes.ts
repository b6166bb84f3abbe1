import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParamsSchema } from "../../../shared/contracts/common.js";
import { JobSchema } from "../../../shared/contracts/jobs.js";
import { CreatePersonaBodySchema, PersonaListSchema, PersonaPreviewBodySchema, PersonaPreviewSchema, PersonaSchema, UpdatePersonaBodySchema } from "../../../shared/contracts/enablement-personas.js";
import type { PersonasService } from "./personas.service.js";

/** Persona definitions, the matching preview and the re-apply job. */
export const personasRoutes: FastifyPluginAsyncZod<{ personas: PersonasService }> = async (app, { personas }) => {
  const tags = ["enablement"];
  app.get("/personas", { schema: { tags, summary: "Persona definitions with their contacts and the last re-apply job", response: { 200: PersonaListSchema } } }, (req) => personas.listPersonas(req.ctx));
  app.post("/personas", { schema: { tags, summary: "Define a persona", body: CreatePersonaBodySchema, response: { 201: PersonaSchema } } }, async (req, reply) =>
    reply.status(201).send(await personas.createPersona(req.ctx, req.body)),
  );
  app.post("/personas/preview", { schema: { tags, summary: "The persona a contact with these fields would get", body: PersonaPreviewBodySchema, response: { 200: PersonaPreviewSchema } } }, (req) =>
    personas.previewPersona(req.ctx, req.body),
  );
  app.post("/personas/apply", { schema: { tags, summary: "Re-apply the definitions to every contact not set by hand (a job)", response: { 202: JobSchema } } }, async (req, reply) =>
    reply.status(202).send(await personas.startApply(req.ctx)),
  );
  app.get("/personas/:id", { schema: { tags, summary: "A persona definition", params: IdParamsSchema, response: { 200: PersonaSchema } } }, (req) => personas.getPersona(req.ctx, req.params.id));
  app.patch("/personas/:id", { schema: { tags, summary: "Change a persona's description or criteria", params: IdParamsSchema, body: UpdatePersonaBodySchema, response: { 200: PersonaSchema } } }, (req) =>
    personas.updatePersona(req.ctx, req.params.id, req.body),
  );
  app.delete("/personas/:id", { schema: { tags, summary: "Delete a persona definition", params: IdParamsSchema } }, async (req, reply) => {
    await personas.deletePersona(req.ctx, req.params.id);
    return reply.status(204).send();
  });
};
