import { z } from "zod";
import { LIMITS } from "../limits.js";
import { IdSchema, TimestampSchema, listQuerySchema, optionalText, pageSchema } from "./common.js";

/**
 * Events an endpoint can subscribe to. Every message body is `{ type, timestamp, data }` (Standard Webhooks);
 * `data` per type:
 * - `lead.mql`      a contact reached mql: `{ contact, from, to, at, actorUserId }`
 * - `lead.accepted` sales accepted an MQL (mql → sal): same shape as lead.mql
 * - `lead.rejected` sales rejected an MQL (mql → rejected): same shape plus `reasonCode`, `note`
 * - `lead.assigned` a lead was handed to a rep: `{ contact, handoffId, toUserId, fromUserId, reason, at, actorUserId }`
 * - `sla.warning`   an SLA timer reached its warning point: `{ timer: { id, policyId, kind, contactId, ownerId, teamId,
 *                   startedAt, warnAt, dueAt, state }, contact: { id, name }, at }`
 * - `sla.breached`  an SLA timer passed its due time: same shape as sla.warning
 * - `deal.won` / `deal.lost` a deal closed: `{ deal, reasonCode, competitor, at, actorUserId }`
 * `contact` is `{ id, email, firstName, lastName, accountId, ownerId, stage, fitGrade, engagementScore }` and
 * `deal` is `{ id, name, accountId, primaryContactId, ownerId, amount, currency, outcome, closedAt }`.
 */
export const WEBHOOK_EVENT_TYPES = ["lead.mql", "lead.assigned", "lead.accepted", "lead.rejected", "sla.warning", "sla.breached", "deal.won", "deal.lost"] as const;
export const WebhookEventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES);
export type WebhookEventType = z.infer<typeof WebhookEventTypeSchema>;

/** Sent by "send test event" to one endpoint whatever its filter: `data` is `{ endpointId, message }`. */
export const WEBHOOK_TEST_EVENT = "webhook.test";

/** What each event means, for the settings page and the docs. */
export const WEBHOOK_EVENT_LABELS: Record<WebhookEventType, string> = {
  "lead.mql": "A contact became a marketing-qualified lead",
  "lead.assigned": "A lead was handed to a rep",
  "lead.accepted": "Sales accepted an MQL",
  "lead.rejected": "Sales rejected an MQL",
  "sla.warning": "An SLA timer reached its warning point",
  "sla.breached": "An SLA timer breached",
  "deal.won": "A deal closed won",
  "deal.lost": "A deal closed lost",
};

export const MAX_WEBHOOK_ENDPOINTS = 20;
export const WEBHOOK_URL_MAX = 2_000;

export const WebhookDeliveryStatusSchema = z.enum(["pending", "succeeded", "failed"]);
export type WebhookDeliveryStatus = z.infer<typeof WebhookDeliveryStatusSchema>;

const UrlSchema = z.string().trim().min(1).max(WEBHOOK_URL_MAX).pipe(z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }));
// An empty list means every event; duplicates are dropped.
const EventsSchema = z
  .array(WebhookEventTypeSchema)
  .max(WEBHOOK_EVENT_TYPES.length * 2)
  .transform((v) => [...new Set(v)]);

/** A new endpoint: where to send, which events (none listed = all), an optional note. */
export const CreateWebhookBodySchema = z.object({
  url: UrlSchema,
  description: optionalText(LIMITS.shortText),
  events: EventsSchema.default([]),
  enabled: z.boolean().default(true),
});
export type CreateWebhookBody = z.infer<typeof CreateWebhookBodySchema>;

/** Changes some of an endpoint's fields; `enabled: false` fails its pending deliveries. */
export const UpdateWebhookBodySchema = z
  .object({ url: UrlSchema.optional(), description: optionalText(LIMITS.shortText), events: EventsSchema.optional(), enabled: z.boolean().optional() })
  .refine((v) => Object.values(v).some((x) => x !== undefined), "give at least one field to change");
export type UpdateWebhookBody = z.infer<typeof UpdateWebhookBodySchema>;

export const WebhookEndpointSchema = z.object({
  id: IdSchema,
  url: z.string(),
  description: z.string().nullable(),
  events: z.array(z.string()),
  enabled: z.boolean(),
  disabledReason: z.string().nullable(),
  disabledAt: TimestampSchema.nullable(),
  pendingCount: z.number().int(),
  failedCount: z.number().int(),
  lastDeliveryAt: TimestampSchema.nullable(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type WebhookEndpoint = z.infer<typeof WebhookEndpointSchema>;

/** One endpoint with its signing secret (`whsec_…`): shown to admins on its page, on create and on rotate. */
export const WebhookEndpointWithSecretSchema = WebhookEndpointSchema.extend({ secret: z.string() });
export type WebhookEndpointWithSecret = z.infer<typeof WebhookEndpointWithSecretSchema>;

export const WebhookEndpointListSchema = z.object({ items: z.array(WebhookEndpointSchema) });

export const WebhookAttemptSchema = z.object({
  id: IdSchema,
  attempt: z.number().int(),
  at: TimestampSchema,
  statusCode: z.number().int().nullable(),
  error: z.string().nullable(),
  durationMs: z.number().int(),
  responseSnippet: z.string().nullable(),
});

export const WebhookDeliverySchema = z.object({
  id: IdSchema,
  endpointId: IdSchema,
  messageId: z.string(),
  eventType: z.string(),
  payload: z.record(z.string(), z.unknown()),
  status: WebhookDeliveryStatusSchema,
  attempts: z.number().int(),
  nextAttemptAt: TimestampSchema.nullable(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  createdAt: TimestampSchema,
  deliveredAt: TimestampSchema.nullable(),
});
export type WebhookDelivery = z.infer<typeof WebhookDeliverySchema>;

export const WebhookDeliveryWithAttemptsSchema = WebhookDeliverySchema.extend({ attemptLog: z.array(WebhookAttemptSchema) });
export type WebhookDeliveryWithAttempts = z.infer<typeof WebhookDeliveryWithAttemptsSchema>;

/** The delivery log of an endpoint, newest first, optionally of one status. */
export const ListWebhookDeliveriesQuerySchema = listQuerySchema(["createdAt"]).extend({ status: WebhookDeliveryStatusSchema.optional() });
export type ListWebhookDeliveriesQuery = z.infer<typeof ListWebhookDeliveriesQuerySchema>;

export const WebhookDeliveryPageSchema = pageSchema(WebhookDeliveryWithAttemptsSchema);
