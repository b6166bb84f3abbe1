import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ListNotificationsQuerySchema, MarkReadBodySchema, MarkReadResultSchema, NotificationPageSchema } from "../../../shared/contracts/notifications.js";
import type { NotificationsService } from "./notifications.service.js";

/** The current user's in-app notification feed. */
export const notificationsRoutes: FastifyPluginAsyncZod<{ notifications: NotificationsService }> = async (app, { notifications }) => {
  const tags = ["notifications"];
  app.get(
    "/notifications",
    { schema: { tags, summary: "My notifications, newest first, with the unread count", querystring: ListNotificationsQuerySchema, response: { 200: NotificationPageSchema } } },
    (req) => notifications.listMine(req.ctx, req.query),
  );
  app.post(
    "/notifications/read",
    { schema: { tags, summary: "Mark some or all of my notifications read", body: MarkReadBodySchema, response: { 200: MarkReadResultSchema } } },
    (req) => notifications.markRead(req.ctx, req.body),
  );
};
