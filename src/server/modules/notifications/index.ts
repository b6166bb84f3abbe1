import type { FastifyInstance } from "fastify";
import type { Database } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import type { ScheduledTask } from "../../platform/jobs/worker.js";
import { createSmtpMailer } from "../../platform/mail/mailer.js";
import { createNotificationsRepository } from "./notifications.repository.js";
import { createNotificationsService } from "./notifications.service.js";
import { notificationsRoutes } from "./notifications.routes.js";
import { createNotificationPreferencesRepository } from "./notification-preferences.repository.js";
import { createNotificationPreferencesService } from "./notification-preferences.service.js";
import { notificationPreferencesRoutes } from "./notification-preferences.routes.js";
import { createNotificationMailerRepository } from "./notification-mailer.repository.js";
import { createNotificationMailer } from "./notification-mailer.js";

/** Outgoing e-mail settings; `kickAfterMs` null turns off the send shortly after notifying (tests send by hand). */
export type NotificationMailSettings = { url: string; from: string; kickAfterMs?: number | null };

type Deps = {
  db: Database;
  clock: Clock;
  /** Where e-mail links point (the URL users reach). */
  publicUrl?: string;
  /** SMTP settings; none means e-mail is off. */
  mail?: NotificationMailSettings | null;
  log?: (msg: string, err?: unknown) => void;
};

/** Notifications: the in-app feed, per-user preferences and e-mail copies sent after commit by the job worker. */
export function createNotificationsModule({ db, clock, publicUrl = "http://localhost:3000", mail = null, log }: Deps) {
  const prefs = createNotificationPreferencesRepository();
  const mailer = mail ? createNotificationMailer({ db, repo: createNotificationMailerRepository(), mailer: createSmtpMailer(mail), clock, publicUrl, log }) : null;
  const kickAfterMs = mail?.kickAfterMs === undefined ? 1_000 : mail.kickAfterMs;
  const notifications = createNotificationsService({
    db,
    repo: createNotificationsRepository(),
    prefs,
    clock,
    email: { isEnabled: mailer !== null, queued: (workspaceId) => (mailer && kickAfterMs !== null ? mailer.kick(workspaceId, kickAfterMs) : undefined) },
  });
  const preferences = createNotificationPreferencesService({ db, prefs, clock, isEmailConfigured: mailer !== null });
  async function routes(app: FastifyInstance) {
    await app.register(notificationsRoutes, { notifications });
    await app.register(notificationPreferencesRoutes, { preferences });
    if (mailer) app.addHook("onClose", async () => mailer.close());
  }
  // Without e-mail nothing is ever pending, so there is nothing to schedule.
  const schedules: ScheduledTask[] = mailer ? [mailer.schedule] : [];
  return { routes, notifications, preferences, mailer, schedules };
}

export type { NotificationsService, NotificationMessage } from "./notifications.service.js";
export type { NotificationPreferencesService } from "./notification-preferences.service.js";
export type { NotificationMailer, SendResult } from "./notification-mailer.js";
