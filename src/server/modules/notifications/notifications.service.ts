import type { Database, Tx } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import type { RequestContext } from "../../platform/actor.js";
import { newId } from "../../platform/ids.js";
import type { Role } from "../../../shared/domain/roles.js";
import type { ListNotificationsQuery, MarkReadBody, NotificationKind } from "../../../shared/contracts/notifications.js";
import type { NewNotification, NotificationsRepository } from "./notifications.repository.js";
import type { NotificationPreferencesRepository } from "./notification-preferences.repository.js";
import { hiddenKinds, resolveChannels } from "./notification-preferences.js";
import { mentionsAny, redactText, type ErasedPerson } from "../../../shared/domain/redact.js";

/** What to tell someone; the recipient is given separately. */
export type NotificationMessage = {
  kind: NotificationKind;
  title: string;
  body?: string | null;
  link?: string | null;
  entity?: string | null;
  entityId?: string | null;
};

/** Whether e-mail can be sent, and what to do once a notification with an e-mail copy is stored. */
export type EmailOutlet = { isEnabled: boolean; queued(workspaceId: string): void };

type Deps = { db: Database; repo: NotificationsRepository; prefs: NotificationPreferencesRepository; clock: Clock; email: EmailOutlet };

/**
 * Notifications: written in the transaction of the change they announce, shown to their recipient in the app
 * and, when they want it, e-mailed after commit by the mailer.
 *
 * Each recipient's preference for the kind decides the row: in app (unread) with or without an e-mail copy;
 * e-mail only (stored already read, so it never lights the bell, and kept out of the feed while in-app is off);
 * or nothing at all.
 */
export function createNotificationsService({ db, repo, prefs, clock, email }: Deps) {
  /** Notifies users (duplicates and the acting user removed) in the caller's transaction; returns who was addressed. */
  async function notifyIn(tx: Tx, workspaceId: string, userIds: readonly string[], message: NotificationMessage, except?: string | null) {
    const recipients = [...new Set(userIds)].filter((u) => u !== except);
    if (recipients.length === 0) return recipients;
    const now = clock.now();
    const chosen = new Map((await prefs.forRecipients(tx, workspaceId, recipients, message.kind)).map((r) => [r.userId, r]));
    const rows: NewNotification[] = [];
    for (const userId of recipients) {
      const channels = resolveChannels(message.kind, chosen.get(userId));
      const emailed = channels.email && email.isEnabled;
      if (!channels.inApp && !emailed) continue;
      rows.push({
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
        readAt: channels.inApp ? null : now,
        emailStatus: emailed ? "pending" : null,
      });
    }
    await repo.insertMany(tx, rows);
    if (rows.some((r) => r.emailStatus === "pending")) email.queued(workspaceId);
    return recipients;
  }

  /** Notifies every active member with one of the roles, except the acting user. */
  async function notifyRolesIn(tx: Tx, workspaceId: string, roles: readonly Role[], message: NotificationMessage, except?: string | null) {
    const members = await repo.membersWithRoles(tx, workspaceId, roles);
    return notifyIn(tx, workspaceId, members.map((m) => m.userId), message, except);
  }

  /** The caller's notifications (kinds they see in the app) with the unread count. */
  function listMine(ctx: RequestContext, q: ListNotificationsQuery) {
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const hidden = hiddenKinds(await prefs.listForUser(tx, ctx.workspaceId, ctx.actor.userId));
      const page = await repo.listForUser(tx, ctx.workspaceId, ctx.actor.userId, q, hidden);
      return { ...page, unread: await repo.unreadCount(tx, ctx.workspaceId, ctx.actor.userId, hidden) };
    });
  }

  /** Marks the caller's notifications read. */
  function markRead(ctx: RequestContext, body: MarkReadBody) {
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const marked = await repo.markRead(tx, ctx.workspaceId, ctx.actor.userId, body.all ? "all" : (body.ids ?? []), clock.now());
      const hidden = hiddenKinds(await prefs.listForUser(tx, ctx.workspaceId, ctx.actor.userId));
      return { marked, unread: await repo.unreadCount(tx, ctx.workspaceId, ctx.actor.userId, hidden) };
    });
  }

  /**
   * GDPR erasure, in the erasing transaction: notifications about the contact or quoting its e-mail or names keep
   * their kind and time, with those texts replaced by a marker and links to the contact's page dropped.
   */
  async function redactPersonIn(tx: Tx, workspaceId: string, person: ErasedPerson): Promise<void> {
    for (const n of await repo.mentioning(tx, workspaceId, person.contactId, person.terms)) {
      const link = n.link && (n.link.includes(person.contactId) || mentionsAny(n.link, person.terms)) ? null : n.link;
      const patch = { title: redactText(n.title, person.terms), body: n.body === null ? null : redactText(n.body, person.terms), link };
      await repo.rewrite(tx, workspaceId, n.id, n.entityId === person.contactId ? { ...patch, entityId: null } : patch);
    }
  }

  return { notifyIn, notifyRolesIn, listMine, markRead, redactPersonIn };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
