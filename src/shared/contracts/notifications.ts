import { z } from "zod";
import { IdSchema, TimestampSchema, listQuerySchema, pageSchema } from "./common.js";

/** One in-app notification of the current user. */
export const NotificationSchema = z.object({
  id: IdSchema,
  kind: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  link: z.string().nullable(),
  entity: z.string().nullable(),
  entityId: IdSchema.nullable(),
  createdAt: TimestampSchema,
  readAt: TimestampSchema.nullable(),
});
export type Notification = z.infer<typeof NotificationSchema>;

export const ListNotificationsQuerySchema = listQuerySchema(["createdAt"] as const).extend({
  unread: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
});
export type ListNotificationsQuery = z.infer<typeof ListNotificationsQuerySchema>;
export const NotificationPageSchema = pageSchema(NotificationSchema).extend({ unread: z.number().int() });

export const MarkReadBodySchema = z
  .object({ ids: z.array(IdSchema).min(1).max(500).optional(), all: z.literal(true).optional() })
  .refine((b) => (b.ids ? !b.all : b.all), { message: "give either ids or all: true", path: ["ids"] });
export type MarkReadBody = z.infer<typeof MarkReadBodySchema>;
export const MarkReadResultSchema = z.object({ marked: z.number().int(), unread: z.number().int() });

/** A group of notification kinds in the preferences table. */
export type NotificationGroup = "Leads" | "SLAs" | "Lead agreement" | "Reports" | "Enablement";

type KindInfo = { label: string; description: string; group: NotificationGroup; defaults: { inApp: boolean; email: boolean } };

/**
 * Every kind of notification the app sends, with what a user reads in the preferences table and the defaults a
 * user gets until they choose: time-critical work for you (a lead, an SLA) is e-mailed by default, news is not.
 */
export const NOTIFICATION_KIND_INFO = {
  "lead.assigned": { group: "Leads", label: "Lead assigned to you", description: "Routing handed you a new lead, with its context.", defaults: { inApp: true, email: true } },
  "lead.rejected": { group: "Leads", label: "Lead rejected", description: "Sales rejected a lead marketing handed over, with the reason.", defaults: { inApp: true, email: false } },
  "sla.warning": { group: "SLAs", label: "SLA due soon", description: "A lead you own is close to its SLA deadline.", defaults: { inApp: true, email: true } },
  "sla.breached": { group: "SLAs", label: "SLA breached", description: "A lead you own (or your team owns) passed its SLA deadline.", defaults: { inApp: true, email: true } },
  "sla.escalated": { group: "SLAs", label: "SLA escalated to you", description: "As a manager: a breached SLA is still open.", defaults: { inApp: true, email: true } },
  "sla.reassigned": { group: "SLAs", label: "Lead reassigned after a breach", description: "A lead you owned went to a teammate after its SLA breach.", defaults: { inApp: true, email: true } },
  "sla.marketing_missed": { group: "SLAs", label: "Marketing target missed", description: "A period ended below the MQL volume or acceptance-rate target.", defaults: { inApp: true, email: true } },
  "lead_definition.proposed": { group: "Lead agreement", label: "Agreement proposed", description: "A new version of the lead agreement awaits approval.", defaults: { inApp: true, email: true } },
  "lead_definition.approved": { group: "Lead agreement", label: "Agreement approved by one side", description: "One side approved a version; it needs the other side's approval.", defaults: { inApp: true, email: true } },
  "lead_definition.approvals_reset": { group: "Lead agreement", label: "Approval needed again", description: "A version you approved was edited; approve it again.", defaults: { inApp: true, email: true } },
  "lead_definition.activated": { group: "Lead agreement", label: "Agreement active", description: "A new version of the lead agreement took effect.", defaults: { inApp: true, email: false } },
  "brief.published": { group: "Enablement", label: "Campaign brief to read", description: "A campaign you sell into has a brief: acknowledge it and answer the short check before launch.", defaults: { inApp: true, email: true } },
  "brief.readiness_low": { group: "Enablement", label: "Low readiness at launch", description: "As a manager or campaign owner: a campaign launched with too few reps ready.", defaults: { inApp: true, email: true } },
  "reference.requested": { group: "Enablement", label: "Reference request to decide", description: "A rep asks to use a customer reference you own on a deal: approve or decline it.", defaults: { inApp: true, email: true } },
  "reference.decided": { group: "Enablement", label: "Reference request decided", description: "The owner approved or declined the customer reference you asked for.", defaults: { inApp: true, email: false } },
  "content_request.created": { group: "Enablement", label: "Content requested", description: "As marketing: sales asked for content that is missing.", defaults: { inApp: true, email: false } },
  "content_request.updated": { group: "Enablement", label: "Content request answered", description: "Marketing delivered or declined content you asked for, or assigned a request to you.", defaults: { inApp: true, email: false } },
  "insight.triaged": { group: "Enablement", label: "Your field insight triaged", description: "Marketing reviewed a field insight you submitted, or says what it did about it.", defaults: { inApp: true, email: false } },
  "digest.weekly": { group: "Reports", label: "Weekly digest", description: "Monday's summary for both teams: the numbers that moved, SLA breaches, top rejection reasons, review actions due, new field insights and content requests.", defaults: { inApp: true, email: true } },
} as const satisfies Record<string, KindInfo>;

export type NotificationKind = keyof typeof NOTIFICATION_KIND_INFO;
export const NOTIFICATION_KINDS = Object.keys(NOTIFICATION_KIND_INFO) as [NotificationKind, ...NotificationKind[]];
export const NotificationKindSchema = z.enum(NOTIFICATION_KINDS);

/** True when `kind` is in the catalogue (stored rows may hold a kind that was later retired). */
export function isNotificationKind(kind: string): kind is NotificationKind {
  return Object.hasOwn(NOTIFICATION_KIND_INFO, kind);
}

/** The label of a stored kind, or null when the kind is not in the catalogue. */
export function notificationKindLabel(kind: string): string | null {
  return isNotificationKind(kind) ? NOTIFICATION_KIND_INFO[kind].label : null;
}

/** A user's effective choice for one kind: their own, or the kind's default. */
export const NotificationPreferenceSchema = z.object({
  kind: NotificationKindSchema,
  inApp: z.boolean(),
  email: z.boolean(),
  /** True when the user has not chosen and the kind's defaults apply. */
  isDefault: z.boolean(),
});
export type NotificationPreference = z.infer<typeof NotificationPreferenceSchema>;

/** The caller's preferences for every kind, and whether this server can send e-mail at all. */
export const NotificationPreferencesSchema = z.object({
  emailConfigured: z.boolean(),
  /** Where e-mails go: the caller's login address. */
  emailAddress: z.string(),
  preferences: z.array(NotificationPreferenceSchema),
});
export type NotificationPreferences = z.infer<typeof NotificationPreferencesSchema>;

/** Sets some kinds; kinds not listed keep their current choice. A choice equal to the defaults follows them. */
export const UpdateNotificationPreferencesBodySchema = z.object({
  preferences: z
    .array(z.object({ kind: NotificationKindSchema, inApp: z.boolean(), email: z.boolean() }))
    .min(1)
    .max(NOTIFICATION_KINDS.length)
    .refine((list) => new Set(list.map((p) => p.kind)).size === list.length, { message: "each kind may appear once" }),
});
export type UpdateNotificationPreferencesBody = z.infer<typeof UpdateNotificationPreferencesBodySchema>;
