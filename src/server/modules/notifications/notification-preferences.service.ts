import type { Database, Tx } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import type { RequestContext } from "../../platform/actor.js";
import { NOTIFICATION_KIND_INFO, type NotificationPreferences, type UpdateNotificationPreferencesBody } from "../../../shared/contracts/notifications.js";
import type { NotificationPreferencesRepository } from "./notification-preferences.repository.js";
import { effectivePreferences } from "./notification-preferences.js";

type Deps = { db: Database; prefs: NotificationPreferencesRepository; clock: Clock; isEmailConfigured: boolean };

/** Each member's own choice of channels per notification kind. */
export function createNotificationPreferencesService({ db, prefs, clock, isEmailConfigured }: Deps) {
  async function read(tx: Tx, ctx: RequestContext): Promise<NotificationPreferences> {
    const rows = await prefs.listForUser(tx, ctx.workspaceId, ctx.actor.userId);
    return { emailConfigured: isEmailConfigured, emailAddress: (await prefs.addressOf(tx, ctx.actor.userId)) ?? "", preferences: effectivePreferences(rows) };
  }

  /** The caller's effective preferences for every kind, defaults filled in. */
  function getMine(ctx: RequestContext) {
    return db.inWorkspace(ctx.workspaceId, (tx) => read(tx, ctx));
  }

  /** Updates the caller's choices; a choice equal to the kind's defaults is forgotten so it follows them. */
  function updateMine(ctx: RequestContext, body: UpdateNotificationPreferencesBody) {
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const isDefault = (p: UpdateNotificationPreferencesBody["preferences"][number]) => {
        const d = NOTIFICATION_KIND_INFO[p.kind].defaults;
        return d.inApp === p.inApp && d.email === p.email;
      };
      await prefs.remove(tx, ctx.workspaceId, ctx.actor.userId, body.preferences.filter(isDefault).map((p) => p.kind));
      await prefs.upsert(tx, ctx.workspaceId, ctx.actor.userId, body.preferences.filter((p) => !isDefault(p)), clock.now());
      return read(tx, ctx);
    });
  }

  return { getMine, updateMine };
}

export type NotificationPreferencesService = ReturnType<typeof createNotificationPreferencesService>;
