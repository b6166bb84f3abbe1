import { boolean, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { ts, workspaceId } from "./columns.js";
import { memberships } from "./identity.js";

/** A user's choice per notification kind: in the app, by e-mail, both or neither. Absent row: the kind's default. */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    workspaceId: workspaceId(),
    userId: uuid("user_id").notNull(),
    kind: text("kind").notNull(),
    inApp: boolean("in_app").notNull(),
    email: boolean("email").notNull(),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.userId, t.kind] }),
    foreignKey({ columns: [t.workspaceId, t.userId], foreignColumns: [memberships.workspaceId, memberships.userId] }).onDelete("cascade"),
  ],
);

/** An HTTPS endpoint that receives signed events (Standard Webhooks). */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull(),
    url: text("url").notNull(),
    description: text("description"),
    /** Event types delivered; empty means all. */
    events: jsonb("events").$type<string[]>().notNull().default([]),
    /** `whsec_` + base64 key; shown to admins, used to sign. */
    secret: text("secret").notNull(),
    enabled: boolean("enabled").notNull().default(true),
    disabledReason: text("disabled_reason"),
    disabledAt: ts("disabled_at"),
    createdBy: uuid("created_by"),
    createdAt: ts("created_at").notNull(),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] })],
);

export type WebhookDeliveryStatus = "pending" | "succeeded" | "failed";

/** One event to one endpoint, retried with backoff until it succeeds or gives up. */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull(),
    endpointId: uuid("endpoint_id").notNull(),
    /** The `webhook-id` header: the same for every attempt and replay of this message. */
    messageId: text("message_id").notNull(),
    eventType: text("event_type").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    status: text("status").$type<WebhookDeliveryStatus>().notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: ts("next_attempt_at"),
    lastStatusCode: integer("last_status_code"),
    lastError: text("last_error"),
    createdAt: ts("created_at").notNull(),
    deliveredAt: ts("delivered_at"),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.endpointId], foreignColumns: [webhookEndpoints.workspaceId, webhookEndpoints.id] }).onDelete("cascade"),
    // serves: the delivery log of an endpoint, newest first
    index("webhook_deliveries_endpoint_idx").on(t.workspaceId, t.endpointId, t.createdAt),
    // serves: the sender's due deliveries
    index("webhook_deliveries_due_idx").on(t.workspaceId, t.nextAttemptAt).where(sql`status = 'pending'`),
  ],
);

/** Each HTTP attempt of a delivery, for the log. */
export const webhookAttempts = pgTable(
  "webhook_attempts",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull(),
    deliveryId: uuid("delivery_id").notNull(),
    attempt: integer("attempt").notNull(),
    at: ts("at").notNull(),
    statusCode: integer("status_code"),
    error: text("error"),
    durationMs: integer("duration_ms").notNull(),
    /** The first 1,000 characters of the response body. */
    responseSnippet: text("response_snippet"),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.deliveryId], foreignColumns: [webhookDeliveries.workspaceId, webhookDeliveries.id] }).onDelete("cascade"),
    index("webhook_attempts_delivery_idx").on(t.workspaceId, t.deliveryId, t.attempt),
  ],
);
