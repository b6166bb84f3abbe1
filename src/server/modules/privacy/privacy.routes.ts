import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParamsSchema } from "../../../shared/contracts/common.js";
import { ContactExportSchema, EraseContactBodySchema, EraseContactResultSchema } from "../../../shared/contracts/privacy.js";
import type { PrivacyService } from "./privacy.service.js";

/** GDPR export and erasure of a contact. */
export const privacyRoutes: FastifyPluginAsyncZod<{ privacy: PrivacyService }> = async (app, { privacy }) => {
  const tags = ["privacy"];
  app.get(
    "/contacts/:id/export",
    { schema: { tags, summary: "Export everything about a contact as JSON (GDPR access request; admins and managers)", params: IdParamsSchema, response: { 200: ContactExportSchema } } },
    async (req, reply) => {
      const doc = await privacy.exportContact(req.ctx, req.params.id);
      return reply.header("content-disposition", `attachment; filename="contact-${req.params.id}.json"`).send(doc);
    },
  );
  app.post(
    "/contacts/:id/erase",
    { schema: { tags, summary: "Erase a contact everywhere and suppress its e-mail (admins; body { confirm: 'ERASE' })", params: IdParamsSchema, body: EraseContactBodySchema, response: { 200: EraseContactResultSchema } } },
    (req) => privacy.eraseContact(req.ctx, req.params.id),
  );
};
