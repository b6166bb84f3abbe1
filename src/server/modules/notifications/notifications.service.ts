import type { Database, Tx } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import type { RequestContext } from "../../platform/actor.js";
import { newId } from "../../platform/ids.js";
import type { Role } from "../../../shared/domain/roles.js";
import type { ListNotificationsQuery, MarkReadBody } from "../../../shared/contracts/notifications.js";
import type { NotificationsRepository } from "./notifications.repository.js";

/** What to tell someone; the recipient is given separately. */
export type NotificationMessage = {
  kind: string;
  title: string;
  body?: string | null;
  link?: string | null;
  entity?: string | null;
  entityId?: string | null;
};

/** In-app notifications: written in the transaction of the change they announce, read by their recipient. */
export function createNotificationsService({ db, repo, clock }: { db: Database; repo: NotificationsRepository; clock: Clock }) {
  /** Notifies users (duplicates and the acting user removed) in the caller's transaction. */
  async function notifyIn(tx: Tx, workspaceId: string, userIds: readonly string[], message: NotificationMessage, except?: string | null) {
    const recipients = [...new Set(userIds)].filter((u) => u !== except);
    const now = clock.now();
    await repo.insertMany(
      tx,
      recipients.map((userId) => ({
        workspaceId,
        id: newId(),
        userId,
        kind: message.kind,
        title: message.title,
        body: message.body ?? null,
        link: message.link ?? null,
        entity: message.entity ?? null,
        entityId: message.entityId ?? null,
        createdAt: now,
      })),
    );
    return recipients;
  }

  /** Notifies every active member with one of the roles, except the acting user. */
  async function notifyRolesIn(tx: Tx, workspaceId: string, roles: readonly Role[], message: NotificationMessage, except?: string | null) {
    const members = await repo.membersWithRoles(tx, workspaceId, roles);
    return notifyIn(tx, workspaceId, members.map((m) => m.userId), message, except);
  }

  /** The caller's notifications with the unread count. */
  function listMine(ctx: RequestContext, q: ListNotificationsQuery) {
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const page = await repo.listForUser(tx, ctx.workspaceId, ctx.actor.userId, q);
      return { ...page, unread: await repo.unreadCount(tx, ctx.workspaceId, ctx.actor.userId) };
    });
  }

  /** Marks the caller's notifications read. */
  function markRead(ctx: RequestContext, body: MarkReadBody) {
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const marked = await repo.markRead(tx, ctx.workspaceId, ctx.actor.userId, body.all ? "all" : (body.ids ?? []), clock.now());
      return { marked, unread: await repo.unreadCount(tx, ctx.workspaceId, ctx.actor.userId) };
    });
  }

  return { notifyIn, notifyRolesIn, listMine, markRead };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
