import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { CaptureSettingsSchema, UpdateCaptureOriginsBodySchema } from "../../../shared/contracts/capture.js";
import type { CaptureSettingsService } from "./capture-settings.service.js";

/** Web capture settings: the publishable key and the allowed origins (admins change them, managers read them). */
export const captureSettingsRoutes: FastifyPluginAsyncZod<{ settings: CaptureSettingsService }> = async (app, { settings }) => {
  const tags = ["capture"];
  app.get(
    "/capture/settings",
    { schema: { tags, summary: "The publishable key and allowed origins of web capture (admins and managers)", response: { 200: CaptureSettingsSchema } } },
    (req) => settings.getSettings(req.ctx),
  );
  app.post(
    "/capture/settings/key",
    { schema: { tags, summary: "Create the publishable key, or rotate it: the old key stops working at once (admins)", response: { 200: CaptureSettingsSchema } } },
    (req) => settings.rotateKey(req.ctx),
  );
  app.put(
    "/capture/settings/origins",
    { schema: { tags, summary: "Replace the origins allowed to call the public capture endpoints (admins)", body: UpdateCaptureOriginsBodySchema, response: { 200: CaptureSettingsSchema } } },
    (req) => settings.setOrigins(req.ctx, req.body),
  );
};
