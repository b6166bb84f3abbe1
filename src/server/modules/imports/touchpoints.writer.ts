/**
 * Touchpoint imports go through the touchpoints module's ingest pipeline (in the chunk's transaction, 1,000 events
 * per call) instead of writing the table: identity resolution (an unknown e-mail becomes a lead), erased e-mails
 * suppressed, client event ids deduped against everything stored, and the touchpointsCreated hooks — scores and
 * stages through the agreement module, SLA timers, deal facts — exactly as for the batch API (docs/IMPORTS.md).
 */
import { createHash } from "node:crypto";
import type { PoolClient } from "pg";
import type { Tx } from "../../db/client.js";
import type { RequestContext } from "../../platform/actor.js";
import { systemActor } from "../../platform/actor.js";
import { PERMISSIONS } from "../../../shared/domain/permissions.js";
import { mapChannel, mapTouchpointType } from "../../../shared/domain/import-values.js";
import { CHANNELS, touchpointCategory, type TouchpointType } from "../../../shared/domain/touchpoints.js";
import { IngestEventSchema, TOUCHPOINT_BATCH_MAX, type IngestEvent, type IngestItemResult } from "../../../shared/contracts/touchpoints.js";
import type { Writer, WriteContext } from "./crm.writers.js";
import type { StagedRow, WriteOutcome } from "./staging.js";

type Deps = {
  /** The ingest pipeline for validated events in the caller's transaction. */
  ingestManyIn: (tx: Tx, ctx: RequestContext, events: IngestEvent[], source: "import") => Promise<IngestItemResult[]>;
};

type Refused = WriteOutcome["refused"][number];
const NO_USER = "00000000-0000-0000-0000-000000000000";
const str = (v: unknown) => (typeof v === "string" ? v : null);

/**
 * The client event id a row is stored under: the file's external id (as is for generic files, so a CSV of events
 * sent through the API dedupes against them; `salesforce:`/`hubspot:` before a CRM's ids), else a hash of what the
 * row says (contact, type, time, channel, campaign), so the same file imported twice stores its events once.
 */
export function importEventId(source: WriteContext["source"], v: Record<string, unknown>): string {
  const ext = str(v.externalId);
  if (ext) return source === "csv" ? ext : `${source}:${ext}`;
  const what = [v.email, v.contactExternalId, v.type, v.occurredAt, v.channel, v.campaign, v.campaignExternalId].map((x) => (x === null || x === undefined ? "" : String(x)));
  return `import:${source}:${createHash("sha256").update(what.join("\u0001")).digest("hex").slice(0, 32)}`;
}

async function lookups(client: PoolClient, ctx: WriteContext, rows: readonly StagedRow[]) {
  const src = ctx.source;
  const contactIds = [...new Set(rows.flatMap((r) => (str(r.values.contactExternalId) ? [str(r.values.contactExternalId)!] : [])))];
  const names = [...new Set(rows.flatMap((r) => (str(r.values.campaign) ? [str(r.values.campaign)!] : [])))];
  const campaignIds = [...new Set(rows.flatMap((r) => (str(r.values.campaignExternalId) ? [str(r.values.campaignExternalId)!] : [])))];
  const contacts = new Map<string, string>();
  if (contactIds.length) {
    const found = await client.query<{ k: string; id: string }>(`select external_ids ->> '${src}' as k, id from contacts where workspace_id = $1 and external_ids ? '${src}' and external_ids ->> '${src}' = any($2)`, [ctx.workspaceId, contactIds]);
    for (const f of found.rows) contacts.set(f.k, f.id);
  }
  const byName = new Map<string, string>();
  const byExt = new Map<string, string>();
  if (names.length || campaignIds.length) {
    const found = await client.query<{ id: string; name: string; k: string | null }>(
      `select id, name, external_ids ->> '${src}' as k from campaigns where workspace_id = $1 and (name = any($2) or (external_ids ? '${src}' and external_ids ->> '${src}' = any($3)))`,
      [ctx.workspaceId, names, campaignIds],
    );
    for (const f of found.rows) {
      byName.set(f.name, f.id);
      if (f.k) byExt.set(f.k, f.id);
    }
  }
  return { contacts, byName, byExt };
}

/** Touchpoints: contact by external id or e-mail (created as a lead when new), campaign by external id or name. */
export function createTouchpointsWriter({ ingestManyIn }: Deps): Writer {
  return {
    ids: 0,
    async prepare(ctx) {
      const salesAllowed = ctx.actorRole !== null && (PERMISSIONS.logSalesActivity as readonly string[]).includes(ctx.actorRole);
      return (v) => {
        const type = mapTouchpointType(String(v.type));
        if (!type) return { error: `Type "${String(v.type)}" is not a touchpoint type we know (call, meeting, email, or one of ours: page_view, form_submit, …)` };
        if (touchpointCategory(type) === "sales" && !salesAllowed) return { error: `a ${type} is a sales activity; your role (${ctx.actorRole ?? "none"}) imports marketing touches only` };
        const channel = str(v.channel) ? mapChannel(str(v.channel)!) : null;
        if (str(v.channel) && !channel) return { error: `Channel "${String(v.channel)}" is not a channel we know (${CHANNELS.join(", ")})` };
        return { values: { ...v, type, channel } };
      };
    },
    async write(client, ctx, rows, tx) {
      const refused: Refused[] = [];
      const { contacts, byName, byExt } = await lookups(client, ctx, rows);
      const firstOf = new Map<string, number>();
      const events: { rowNo: number; ev: IngestEvent }[] = [];
      for (const r of rows) {
        const v = r.values;
        const cid = importEventId(ctx.source, v);
        const seen = firstOf.get(cid);
        if (seen !== undefined) {
          refused.push({ rowNo: r.rowNo, outcome: "skipped", reason: `duplicate of row ${seen} of this file` });
          continue;
        }
        firstOf.set(cid, r.rowNo);
        const ext = str(v.contactExternalId);
        const contactId = ext ? contacts.get(ext) : undefined;
        if (ext && !contactId && !v.email) {
          refused.push({ rowNo: r.rowNo, outcome: "failed", reason: `no contact with ${ctx.source} id ${ext} (import the contacts first)` });
          continue;
        }
        const campaignExt = str(v.campaignExternalId);
        const campaignId = campaignExt ? byExt.get(campaignExt) : str(v.campaign) ? byName.get(str(v.campaign)!) : null;
        if (campaignId === undefined) {
          refused.push({ rowNo: r.rowNo, outcome: "failed", reason: campaignExt ? `no campaign with ${ctx.source} id ${campaignExt}` : `no campaign named ${String(v.campaign)} (import the campaigns first)` });
          continue;
        }
        const raw = { clientEventId: cid, type: v.type as TouchpointType, occurredAt: v.occurredAt, ...(contactId ? { contactId } : { email: v.email }), campaignId, channel: v.channel ?? null };
        const parsed = IngestEventSchema.safeParse(raw);
        if (parsed.success) events.push({ rowNo: r.rowNo, ev: parsed.data });
        else refused.push({ rowNo: r.rowNo, outcome: "failed", reason: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") });
      }
      const reqCtx: RequestContext = { workspaceId: ctx.workspaceId, actor: systemActor(ctx.actorUserId ?? NO_USER, ctx.actorRole ?? "marketing"), sessionId: null, requestId: "import" };
      let created = 0;
      for (let i = 0; i < events.length; i += TOUCHPOINT_BATCH_MAX) {
        const slice = events.slice(i, i + TOUCHPOINT_BATCH_MAX);
        const items = await ingestManyIn(tx, reqCtx, slice.map((e) => e.ev), "import");
        items.forEach((item, k) => {
          const { rowNo, ev } = slice[k]!;
          if (item.status === "created") created++;
          else if (item.status === "duplicate") refused.push({ rowNo, outcome: "skipped", reason: `already stored (client event id ${ev.clientEventId})` });
          else if (item.status === "suppressed") refused.push({ rowNo, outcome: "skipped", reason: "this person was erased (GDPR); the touch is not stored and the contact not recreated" });
          else refused.push({ rowNo, outcome: "failed", reason: (item.errors ?? []).map((e) => e.message).join("; ") || "rejected" });
        });
      }
      refused.sort((a, b) => a.rowNo - b.rowNo);
      return { created, updated: 0, refused };
    },
  };
}
