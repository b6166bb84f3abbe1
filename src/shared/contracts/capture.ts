import { z } from "zod";
import { LIMITS } from "../limits.js";
import { TimestampSchema } from "./common.js";
import { UtmSchema, VisitorIdSchema } from "./touchpoints.js";

/** Limits of the public capture endpoints (docs/INGEST.md, "Web capture"). */
export const CAPTURE_LIMITS = {
  origins: 20,
  eventBodyBytes: 16 * 1024,
  formBodyBytes: 32 * 1024,
  formFields: 50,
  fieldValue: 2_000,
  url: 2_000,
  title: 500,
} as const;

/** The hidden form field a person never fills; a submission with a value in it is a bot's. */
export const HONEYPOT_FIELD = "tandem_hp";

/** `pk_<workspace id, 32 hex>_<32 random base64url>`: the tenant in clear, the secret part after it. */
export const PUBLISHABLE_KEY_PATTERN = /^pk_([0-9a-f]{32})_([A-Za-z0-9_-]{32})$/;

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);
const ORIGIN_HINT = "an origin like https://www.example.com or https://www.example.com:8443 (no path; http only for localhost)";

/** Normalises an origin (`https://host[:port]`, http for localhost only) or returns null when it is not one. */
export function parseOrigin(raw: string): string | null {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return null;
  }
  if (u.protocol !== "https:" && !(u.protocol === "http:" && LOCAL_HOSTS.has(u.hostname))) return null;
  if (u.username || u.password || u.search || u.hash || u.pathname !== "/") return null;
  // new URL accepts "https://x.com/" and "https://x.com"; anything else after the host was a path.
  if (!/^https?:\/\/[^/?#]+\/?$/i.test(raw)) return null;
  return u.origin;
}

/** One allowed origin, normalised (lower-case host, default port dropped). */
export const OriginSchema = z
  .string()
  .trim()
  .max(300)
  .transform((v, ctx) => {
    const o = parseOrigin(v);
    if (!o) ctx.addIssue({ code: "custom", message: ORIGIN_HINT });
    return o ?? v;
  });

export const UpdateCaptureOriginsBodySchema = z.object({
  allowedOrigins: z
    .array(OriginSchema)
    .max(CAPTURE_LIMITS.origins)
    .refine((v) => new Set(v).size === v.length, "each origin once"),
});
export type UpdateCaptureOriginsBody = z.infer<typeof UpdateCaptureOriginsBodySchema>;

/** The workspace's capture set-up; `publishableKey` is null until an admin creates it. */
export const CaptureSettingsSchema = z.object({
  publishableKey: z.string().nullable(),
  allowedOrigins: z.array(z.string()),
  rotatedAt: TimestampSchema.nullable(),
  updatedAt: TimestampSchema.nullable(),
  /** Requests a minute the key may make from one IP address (server setting). */
  rateLimitPerMinute: z.number().int(),
});
export type CaptureSettings = z.infer<typeof CaptureSettingsSchema>;

const keyField = z.string().max(100).optional();
const EventIdSchema = z.string().trim().regex(/^[A-Za-z0-9_-]{8,64}$/, "8–64 letters, digits, - or _");
const PageFields = {
  url: z.string().max(CAPTURE_LIMITS.url).optional(),
  title: z.string().max(CAPTURE_LIMITS.title).optional(),
  referrer: z.string().max(CAPTURE_LIMITS.url).optional(),
};

/** POST /api/capture/v1/events: a page view from the snippet (or any page that carries the key). */
export const CaptureEventBodySchema = z
  .object({
    key: keyField,
    type: z.literal("page_view").default("page_view"),
    clientEventId: EventIdSchema.optional(),
    visitorId: VisitorIdSchema,
    ...PageFields,
    utm: UtmSchema.optional(),
  })
  .strict();
export type CaptureEventBody = z.infer<typeof CaptureEventBodySchema>;

const FieldValueSchema = z.union([z.string().max(CAPTURE_LIMITS.fieldValue), z.array(z.string().max(CAPTURE_LIMITS.fieldValue)).max(20)]);

/** POST /api/capture/v1/forms: a form submission; `fields.email` names the person. */
export const CaptureFormBodySchema = z
  .object({
    key: keyField,
    clientEventId: EventIdSchema.optional(),
    visitorId: VisitorIdSchema.optional(),
    formId: z.string().max(LIMITS.shortText).optional(),
    ...PageFields,
    fields: z
      .record(z.string().min(1).max(100), FieldValueSchema)
      .refine((v) => Object.keys(v).length <= CAPTURE_LIMITS.formFields, `at most ${CAPTURE_LIMITS.formFields} fields`),
    /** The latest campaign touch (UTM) the visitor came through. */
    utm: UtmSchema.optional(),
    /** The first campaign touch the snippet remembered for this visitor. */
    firstTouch: UtmSchema.optional(),
  })
  .strict();
export type CaptureFormBody = z.infer<typeof CaptureFormBodySchema>;

/** The only answer of the public endpoints: they are write-only and never return workspace data. */
export const CaptureAcceptedSchema = z.object({ accepted: z.literal(true) });
