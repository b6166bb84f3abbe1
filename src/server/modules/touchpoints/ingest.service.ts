import type { Database, Tx } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import type { Actor, RequestContext } from "../../platform/actor.js";
import { recordAudit } from "../../platform/audit.js";
import { newId } from "../../platform/ids.js";
import { AppError, type ErrorDetail } from "../../../shared/errors.js";
import { touchpointCategory } from "../../../shared/domain/touchpoints.js";
import { IngestEventSchema, type IngestBatchResult, type IngestEvent, type IngestItemResult } from "../../../shared/contracts/touchpoints.js";
import type { IdentityAccess } from "../crm/index.js";
import type { IngestRepository, NewTouchpoint } from "./ingest.repository.js";
import type { TouchpointHooks, TouchpointRow } from "./touchpoints.service.js";
import { requireTouchpointLogger } from "./touchpoints.policy.js";

/** How ingest learns that an e-mail was erased (privacy module). */
export type SuppressionCheck = { suppressedIn(tx: Tx, workspaceId: string, emails: string[]): Promise<Set<string>> };

type Deps = {
  db: Database;
  repo: IngestRepository;
  identity: Pick<IdentityAccess, "existingContacts" | "resolveByEmail" | "applyFormSubmission">;
  suppressions: SuppressionCheck;
  clock: Clock;
  hooks: TouchpointHooks;
};

/** Where an ingested event comes from: the API, the public form and tracking endpoints, or a CSV import. */
export type IngestSource = "api" | "form" | "tracking" | "import";
type Valid = { index: number; ev: IngestEvent };
/** Who an ingest acts for: a member (API, app) or nobody (the public capture endpoints, found by their key). */
export type IngestContext = { workspaceId: string; actor: Actor | null; requestId: string };

/** Batch event ingest with identity resolution (DESIGN §7, docs/INGEST.md). */
export function createIngestService({ db, repo, identity, suppressions, clock, hooks }: Deps) {
  /**
   * Stores a batch in one transaction. Items are validated one by one; with `partial` the good ones are stored and
   * the bad ones reported by index, otherwise any bad item stores nothing (400 naming each). Client event ids
   * dedupe within the batch and against stored events; erased e-mails are skipped as `suppressed`.
   */
  async function ingestBatch(ctx: RequestContext, events: unknown[], partial: boolean): Promise<IngestBatchResult> {
    const items: IngestItemResult[] = new Array(events.length);
    const valid: Valid[] = [];
    events.forEach((raw, index) => {
      const r = IngestEventSchema.safeParse(raw);
      if (r.success) valid.push({ index, ev: r.data });
      else items[index] = rejected(index, r.error.issues.map((i) => ({ path: ["body", "events", index, ...i.path.map(String)].join("."), message: i.message })));
    });
    if (valid.some((v) => touchpointCategory(v.ev.type) === "sales")) requireTouchpointLogger(ctx.actor, "sales");
    return db.inWorkspace(ctx.workspaceId, (tx) => storeIn(tx, ctx, valid, items, partial, ctx.actor.kind === "token" ? "api" : "app"));
  }

  /** The same pipeline for one already-validated event inside the caller's transaction (public endpoints). */
  async function ingestOneIn(tx: Tx, ctx: IngestContext, ev: IngestEvent, source: IngestSource): Promise<IngestItemResult> {
    const items: IngestItemResult[] = new Array(1);
    await storeIn(tx, ctx, [{ index: 0, ev }], items, false, source);
    return items[0]!;
  }

  /**
   * The same pipeline for already-validated events inside the caller's transaction, storing the good ones and
   * answering one result per event (CSV imports: every row accounted for; at most TOUCHPOINT_BATCH_MAX per call).
   */
  async function ingestManyIn(tx: Tx, ctx: RequestContext, events: IngestEvent[], source: IngestSource): Promise<IngestItemResult[]> {
    const items: IngestItemResult[] = new Array(events.length);
    await storeIn(tx, ctx, events.map((ev, index) => ({ index, ev })), items, true, source);
    return items;
  }

  async function storeIn(tx: Tx, ctx: IngestContext, valid: Valid[], items: IngestItemResult[], partial: boolean, source: string): Promise<IngestBatchResult> {
    const ws = ctx.workspaceId;
    const now = clock.now();
    const known = await identity.existingContacts(tx, ws, [...new Set(valid.flatMap((v) => (v.ev.contactId ? [v.ev.contactId] : [])))]);
    let good: Valid[] = [];
    for (const v of valid) {
      if (v.ev.contactId && !known.has(v.ev.contactId)) items[v.index] = rejected(v.index, [{ path: `body.events.${v.index}.contactId`, message: "no such contact in this workspace" }]);
      else good.push(v);
    }
    const bad = items.filter((i) => i?.status === "rejected");
    if (bad.length && !partial) {
      const details = bad.flatMap((b) => b.errors ?? []);
      throw new AppError("validation_failed", `${bad.length} of ${items.length} events are invalid; nothing was stored (send partial=true to store the valid ones): ${details.slice(0, 5).map((d) => `${d.path}: ${d.message}`).join("; ")}`, details);
    }
    const emails = [...new Set(good.flatMap((v) => (v.ev.email && !v.ev.contactId ? [v.ev.email] : [])))];
    const suppressed = await suppressions.suppressedIn(tx, ws, emails);
    good = good.filter((v) => {
      if (!v.ev.contactId && v.ev.email && suppressed.has(v.ev.email)) items[v.index] = { index: v.index, status: "suppressed", id: null, contactId: null };
      return !items[v.index];
    });
    // Within the batch the first event with a client id wins; later ones are duplicates of it.
    const firstOf = new Map<string, number>();
    const repeats: Valid[] = [];
    good = good.filter((v) => {
      const cid = v.ev.clientEventId;
      if (!cid) return true;
      if (firstOf.has(cid)) return repeats.push(v) && false;
      firstOf.set(cid, v.index);
      return true;
    });
    const people = await identity.resolveByEmail(tx, ws, good.flatMap((v) => (v.ev.email && !v.ev.contactId ? [{ email: v.ev.email, firstName: v.ev.firstName, lastName: v.ev.lastName, channel: v.ev.channel ?? null, source: v.ev.utm?.source ?? source }] : [])), now);
    const byVisitor = await repo.contactsOfVisitors(tx, ws, [...new Set(good.flatMap((v) => (v.ev.visitorId && !v.ev.contactId && !v.ev.email ? [v.ev.visitorId] : [])))]);
    const visitorContacts = await identity.existingContacts(tx, ws, [...new Set(byVisitor.values())]);
    const rows: NewTouchpoint[] = good.map((v) => {
      const ev = v.ev;
      let contactId = ev.contactId ?? (ev.email ? people.get(ev.email)?.id : undefined) ?? (ev.visitorId ? byVisitor.get(ev.visitorId) : undefined) ?? null;
      if (contactId && !ev.contactId && !ev.email && !visitorContacts.has(contactId)) contactId = null;
      const accountId = ev.accountId ?? (contactId ? (known.get(contactId)?.accountId ?? people.get(ev.email ?? "")?.accountId ?? visitorContacts.get(contactId)?.accountId ?? null) : null);
      const category = touchpointCategory(ev.type);
      return {
        id: newId(),
        contactId,
        accountId,
        campaignId: ev.campaignId ?? null,
        type: ev.type,
        category,
        channel: ev.channel ?? null,
        occurredAt: ev.occurredAt ?? now,
        properties: { ...(ev.properties ?? {}), ...(ev.utm ? { utm: ev.utm } : {}) },
        clientEventId: ev.clientEventId ?? null,
        actorUserId: category === "sales" ? (ctx.actor?.userId ?? null) : null,
        visitorId: ev.visitorId ?? null,
      };
    });
    const insertedIds = await repo.insertMany(tx, ws, now, source, rows);
    const inserted: TouchpointRow[] = rows
      .filter((r) => insertedIds.has(r.id))
      .map(({ visitorId: _visitor, ...r }) => ({ ...r, assetId: null, receivedAt: now, source }));
    const stored = await repo.idsByClientEventId(tx, ws, rows.filter((r) => !insertedIds.has(r.id) && r.clientEventId).map((r) => r.clientEventId!));
    good.forEach((v, i) => {
      const row = rows[i]!;
      if (insertedIds.has(row.id)) items[v.index] = { index: v.index, status: "created", id: row.id, contactId: row.contactId };
      else {
        const prior = stored.get(row.clientEventId ?? "");
        items[v.index] = { index: v.index, status: "duplicate", id: prior?.id ?? null, contactId: prior?.contactId ?? null };
      }
    });
    for (const v of repeats) {
      const first = items[firstOf.get(v.ev.clientEventId!)!]!;
      items[v.index] = { index: v.index, status: "duplicate", id: first.id, contactId: first.contactId };
    }
    const merged = await mergeForms(tx, ws, good, rows, insertedIds, now);
    const touched: TouchpointRow[] = [...merged, ...inserted];
    for (const hook of hooks.touchpointsCreated) await hook(tx, ws, touched);
    const result = summarise(items, [...people.values()].filter((p) => p.created).length);
    // Anonymous page views are data, not anyone's action: auditing each would double the writes of the snippet.
    if (source !== "tracking") await recordAudit(tx, ws, ctx.actor, now, { action: "touchpoints.ingested", entity: "touchpoint", changes: { source, created: result.created, duplicates: result.duplicates, suppressed: result.suppressed, rejected: result.rejected, contactsCreated: result.contactsCreated } }, ctx.requestId);
    return result;
  }

  // A form submission identifies its visitor: earlier anonymous touches get the contact, and its details land on it.
  async function mergeForms(tx: Tx, ws: string, good: Valid[], rows: { id: string; contactId: string | null; accountId: string | null }[], insertedIds: Set<string>, now: Date): Promise<TouchpointRow[]> {
    const merged: TouchpointRow[] = [];
    for (const [i, v] of good.entries()) {
      const row = rows[i]!;
      if (v.ev.type !== "form_submit" || !row.contactId || !insertedIds.has(row.id)) continue;
      await identity.applyFormSubmission(tx, ws, row.contactId, { firstName: v.ev.firstName, lastName: v.ev.lastName, utm: v.ev.utm, utmFirst: v.ev.utmFirst }, v.ev.occurredAt ?? now);
      if (v.ev.visitorId) merged.push(...(await repo.mergeVisitor(tx, ws, v.ev.visitorId, row.contactId, row.accountId, now)));
    }
    return merged;
  }

  return { ingestBatch, ingestOneIn, ingestManyIn };
}

function rejected(index: number, errors: ErrorDetail[]): IngestItemResult {
  return { index, status: "rejected", id: null, contactId: null, errors };
}

function summarise(items: IngestItemResult[], contactsCreated: number): IngestBatchResult {
  const count = (s: IngestItemResult["status"]) => items.filter((i) => i.status === s).length;
  return { created: count("created"), duplicates: count("duplicate"), suppressed: count("suppressed"), rejected: count("rejected"), contactsCreated, items };
}

export type IngestService = ReturnType<typeof createIngestService>;
