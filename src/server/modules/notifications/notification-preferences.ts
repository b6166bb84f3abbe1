import { NOTIFICATION_KIND_INFO, NOTIFICATION_KINDS, isNotificationKind, type NotificationPreference } from "../../../shared/contracts/notifications.js";
import type { PreferenceRow } from "./notification-preferences.repository.js";

/** Where a notification goes: the user's choice for its kind, else the kind's default (a retired kind: in app only). */
export function resolveChannels(kind: string, row: Pick<PreferenceRow, "inApp" | "email"> | undefined): { inApp: boolean; email: boolean } {
  if (row) return { inApp: row.inApp, email: row.email };
  return isNotificationKind(kind) ? { ...NOTIFICATION_KIND_INFO[kind].defaults } : { inApp: true, email: false };
}

/** A user's effective preference for every kind in the catalogue, in catalogue order. */
export function effectivePreferences(rows: PreferenceRow[]): NotificationPreference[] {
  const chosen = new Map(rows.map((r) => [r.kind, r]));
  return NOTIFICATION_KINDS.map((kind) => ({ kind, ...resolveChannels(kind, chosen.get(kind)), isDefault: !chosen.has(kind) }));
}

/** The kinds a user keeps out of their feed and bell (in-app off). */
export function hiddenKinds(rows: PreferenceRow[]): string[] {
  return effectivePreferences(rows)
    .filter((p) => !p.inApp)
    .map((p) => p.kind);
}
