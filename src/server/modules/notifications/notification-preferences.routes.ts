import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { NotificationPreferencesSchema, UpdateNotificationPreferencesBodySchema } from "../../../shared/contracts/notifications.js";
import type { NotificationPreferencesService } from "./notification-preferences.service.js";

/** The current user's notification preferences. */
export const notificationPreferencesRoutes: FastifyPluginAsyncZod<{ preferences: NotificationPreferencesService }> = async (app, { preferences }) => {
  const tags = ["notifications"];
  app.get(
    "/notification-preferences",
    { schema: { tags, summary: "My channels (in app, e-mail) for every notification kind, defaults filled in, and whether e-mail is configured", response: { 200: NotificationPreferencesSchema } } },
    (req) => preferences.getMine(req.ctx),
  );
  app.put(
    "/notification-preferences",
    { schema: { tags, summary: "Set my channels for some notification kinds", body: UpdateNotificationPreferencesBodySchema, response: { 200: NotificationPreferencesSchema } } },
    (req) => preferences.updateMine(req.ctx, req.body),
  );
};
