import { timingSafeEqual } from "node:crypto";
import type { Database } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import { AppError, invalidField } from "../../../shared/errors.js";
import { EmailSchema } from "../../../shared/contracts/common.js";
import { HONEYPOT_FIELD, PUBLISHABLE_KEY_PATTERN, type CaptureEventBody, type CaptureFormBody } from "../../../shared/contracts/capture.js";
import type { IngestEvent } from "../../../shared/contracts/touchpoints.js";
import type { IngestService } from "../touchpoints/index.js";
import type { CaptureRepository } from "./capture.repository.js";

type Deps = { db: Database; repo: CaptureRepository; clock: Clock; ingest: Pick<IngestService, "ingestOneIn"> };

/** What the public endpoints learn about a request: its tenant and whether its origin may call. */
export type CaptureCaller = { workspaceId: string };
export type CaptureOutcome = "stored" | "duplicate" | "suppressed" | "honeypot";

const FIRST_NAME = ["firstName", "first_name", "firstname", "given_name"];
const LAST_NAME = ["lastName", "last_name", "lastname", "family_name"];
const IDENTITY_FIELDS = new Set(["email", HONEYPOT_FIELD, ...FIRST_NAME, ...LAST_NAME]);

/** The workspace id a publishable key names, or null when it is not a key. */
export function workspaceOfKey(key: string): string | null {
  const m = PUBLISHABLE_KEY_PATTERN.exec(key);
  if (!m) return null;
  const h = m[1]!;
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function sameKey(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

function text(v: string | string[] | undefined): string | undefined {
  const s = (Array.isArray(v) ? v[0] : v)?.trim();
  return s ? s : undefined;
}

function firstOf(fields: CaptureFormBody["fields"], names: string[]): string | undefined {
  for (const n of names) {
    const v = text(fields[n]);
    if (v) return v.slice(0, 200);
  }
  return undefined;
}

// Public client event ids live in their own namespace, so a web visitor can never collide with an API sender's ids.
const clientId = (id: string | undefined) => (id ? `web:${id}` : undefined);

function pageProperties(b: { url?: string; title?: string; referrer?: string }) {
  return { ...(b.url ? { url: b.url } : {}), ...(b.title ? { title: b.title } : {}), ...(b.referrer ? { referrer: b.referrer } : {}) };
}

/**
 * The public, write-only side of web capture: a publishable key finds the workspace, the allowed origins decide
 * who may call, and every event goes through the touchpoints ingest (identity, visitor merge, suppression,
 * client-event-id dedupe). Nothing here returns workspace data.
 */
export function createCapturePublicService({ db, repo, clock, ingest }: Deps) {
  /**
   * Checks a key and the caller's origin: 401 for an unknown or rotated key, 403 for an origin that is neither
   * allowed nor Tandem's own (the example page). Browsers always send Origin on a POST; a request without one is
   * refused as well, so a page the workspace did not allow cannot write.
   */
  async function authorise(key: string | undefined, origin: string | undefined, selfOrigin: string): Promise<CaptureCaller> {
    const workspaceId = key ? workspaceOfKey(key) : null;
    if (!key || !workspaceId) throw new AppError("unauthenticated", "Send the workspace's publishable key (data-key on the snippet, ?key= or the X-Tandem-Key header)");
    const row = await db.inWorkspace(workspaceId, (tx) => repo.find(tx, workspaceId));
    if (!row || !sameKey(row.publishableKey, key)) throw new AppError("unauthenticated", "Unknown or rotated publishable key");
    if (!origin) throw new AppError("forbidden", "An Origin header is required: call this endpoint from a page of an allowed origin");
    if (origin !== selfOrigin && !row.allowedOrigins.includes(origin)) throw new AppError("forbidden", `Origin ${origin} is not allowed for this key`);
    return { workspaceId };
  }

  async function ingestOne(caller: CaptureCaller, requestId: string, ev: IngestEvent, source: "form" | "tracking"): Promise<CaptureOutcome> {
    const item = await db.inWorkspace(caller.workspaceId, (tx) => ingest.ingestOneIn(tx, { workspaceId: caller.workspaceId, actor: null, requestId }, ev, source));
    return item.status === "created" ? "stored" : item.status === "duplicate" ? "duplicate" : "suppressed";
  }

  /** A page view of an anonymous visitor (or of the contact the visitor was merged into). */
  async function collect(caller: CaptureCaller, requestId: string, body: CaptureEventBody): Promise<CaptureOutcome> {
    return ingestOne(caller, requestId, {
      type: body.type,
      clientEventId: clientId(body.clientEventId),
      visitorId: body.visitorId,
      occurredAt: clock.now(),
      channel: null,
      properties: pageProperties(body),
      ...(body.utm && Object.keys(body.utm).length ? { utm: body.utm } : {}),
    }, "tracking");
  }

  /**
   * A form submission: `fields.email` names the person (created as a lead when new, unless erased), names fill
   * empty ones, the other fields are kept as the touchpoint's data, and the visitor's earlier page views are merged
   * into the contact. A filled honeypot field answers like success and stores nothing.
   */
  async function submitForm(caller: CaptureCaller, requestId: string, body: CaptureFormBody): Promise<CaptureOutcome> {
    if (text(body.fields[HONEYPOT_FIELD])) return "honeypot";
    const raw = text(body.fields.email);
    if (!raw) throw invalidField("body.fields.email", "required: the form needs an e-mail field");
    const email = EmailSchema.safeParse(raw);
    if (!email.success) throw invalidField("body.fields.email", "not an e-mail address");
    const rest = Object.fromEntries(Object.entries(body.fields).filter(([k]) => !IDENTITY_FIELDS.has(k)));
    return ingestOne(caller, requestId, {
      type: "form_submit",
      clientEventId: clientId(body.clientEventId),
      email: email.data,
      firstName: firstOf(body.fields, FIRST_NAME),
      lastName: firstOf(body.fields, LAST_NAME),
      visitorId: body.visitorId,
      occurredAt: clock.now(),
      channel: null,
      properties: { ...pageProperties(body), ...(body.formId ? { formId: body.formId } : {}), fields: rest },
      ...(body.utm && Object.keys(body.utm).length ? { utm: body.utm } : {}),
      ...(body.firstTouch && Object.keys(body.firstTouch).length ? { utmFirst: body.firstTouch } : {}),
    }, "form");
  }

  return { authorise, collect, submitForm };
}

export type CapturePublicService = ReturnType<typeof createCapturePublicService>;
