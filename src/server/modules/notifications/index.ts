import type { FastifyInstance } from "fastify";
import type { Database } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import { createNotificationsRepository } from "./notifications.repository.js";
import { createNotificationsService } from "./notifications.service.js";
import { notificationsRoutes } from "./notifications.routes.js";

/** In-app notifications (e-mail delivery arrives with the SLA issue). */
export function createNotificationsModule({ db, clock }: { db: Database; clock: Clock }) {
  const notifications = createNotificationsService({ db, repo: createNotificationsRepository(), clock });
  async function routes(app: FastifyInstance) {
    await app.register(notificationsRoutes, { notifications });
  }
  return { routes, notifications };
}

export type { NotificationsService, NotificationMessage } from "./notifications.service.js";
