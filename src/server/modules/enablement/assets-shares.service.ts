import { createHash, randomBytes } from "node:crypto";
import type { Database } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import type { RequestContext } from "../../platform/actor.js";
import { recordAudit } from "../../platform/audit.js";
import { newId } from "../../platform/ids.js";
import { AppError, invalidField, notFound } from "../../../shared/errors.js";
import type { CreateShareBody } from "../../../shared/contracts/enablement-content.js";
import type { CrmModule } from "../crm/index.js";
import type { TouchpointsService } from "../touchpoints/index.js";
import { toAsset, type AssetsRepository } from "./assets.repository.js";
import type { AssetSharesRepository } from "./assets-shares.repository.js";
import { requireContentSharer } from "./assets.policy.js";

type Deps = {
  db: Database;
  repo: AssetSharesRepository;
  assets: AssetsRepository;
  clock: Clock;
  publicUrl: string;
  crm: { contactAccountId: CrmModule["contactAccountId"]; deals: Pick<CrmModule["deals"], "getDeal"> };
  touchpoints: Pick<TouchpointsService, "appendInTx">;
};

// A token is the workspace id (32 hex, so the public link finds its tenant without a cross-tenant lookup) and
// 24 random bytes; only its SHA-256 is stored.
const TOKEN_RE = /^([0-9a-f]{32})([A-Za-z0-9_-]{32})$/;
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** The workspace a tracked-link token belongs to, or null for a malformed token. */
export function workspaceOfToken(token: string): string | null {
  const m = TOKEN_RE.exec(token);
  if (!m) return null;
  const h = m[1]!;
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Tracked shares (the prospect's views become touchpoints), asset events and deal attachments. */
export function createAssetSharesService({ db, repo, assets, clock, publicUrl, crm, touchpoints }: Deps) {
  async function loadAsset(ctx: RequestContext, tx: Parameters<Parameters<Database["inWorkspace"]>[1]>[0], id: string, lock = false) {
    const a = await assets.find(tx, ctx.workspaceId, id, lock);
    if (!a) throw notFound("Asset");
    return a;
  }
  async function dealOf(ctx: RequestContext, dealId: string) {
    try {
      return await crm.deals.getDeal(ctx, dealId);
    } catch (e) {
      if (e instanceof AppError && e.code === "not_found") throw invalidField("body.dealId", "no such deal in this workspace");
      throw e;
    }
  }

  /** Creates a tracked link to a published asset for a contact and/or deal; the link is shown once. */
  async function shareAsset(ctx: RequestContext, assetId: string, body: CreateShareBody) {
    requireContentSharer(ctx.actor, "share content");
    const now = clock.now();
    const deal = body.dealId ? await dealOf(ctx, body.dealId) : null;
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const a = await loadAsset(ctx, tx, assetId);
      if (a.status !== "published" || (a.expiresAt && a.expiresAt <= now)) throw new AppError("conflict", "Only published, unexpired content can be shared");
      if (body.contactId && !(await crm.contactAccountId(tx, ctx.workspaceId, body.contactId))) throw invalidField("body.contactId", "no such contact in this workspace");
      const contactId = body.contactId ?? deal?.primaryContactId ?? null;
      const token = `${ctx.workspaceId.replaceAll("-", "")}${randomBytes(24).toString("base64url")}`;
      const share = await repo.insertShare(tx, { workspaceId: ctx.workspaceId, id: newId(), assetId, tokenHash: hashToken(token), contactId, dealId: deal?.id ?? null, sharedBy: ctx.actor.userId, createdAt: now });
      await repo.insertEvent(tx, { workspaceId: ctx.workspaceId, id: newId(), assetId, type: "shared", actorUserId: ctx.actor.userId, contactId, dealId: share.dealId, shareId: share.id, at: now });
      if (contactId) {
        await touchpoints.appendInTx(tx, ctx.workspaceId, { contactId, type: "content_share", at: now, source: "app", assetId, actorUserId: ctx.actor.userId, properties: { shareId: share.id, title: a.title } });
      }
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "asset.shared", entity: "asset", entityId: assetId, changes: { shareId: share.id, contactId, dealId: share.dealId } }, ctx.requestId);
      const { tokenHash: _hash, workspaceId: _ws, ...rest } = share;
      return { ...rest, token, url: `${publicUrl.replace(/\/$/, "")}/s/${token}` };
    });
  }

  /** An asset's shares and its latest events. */
  async function usageOf(ctx: RequestContext, assetId: string) {
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      await loadAsset(ctx, tx, assetId);
      const shares = (await repo.listShares(tx, ctx.workspaceId, assetId)).map(({ tokenHash: _h, workspaceId: _w, ...s }) => s);
      return { shares, events: await repo.listEvents(tx, ctx.workspaceId, assetId) };
    });
  }

  /**
   * A prospect opens a tracked link: counts the view, records a `viewed` event and a `content_view` touchpoint on
   * the contact (scoring and SLA hooks run), and says what to serve. Null when the link is unknown, revoked, or
   * its asset is no longer published.
   */
  async function openTrackedLink(token: string, meta: { userAgent: string | null }) {
    const workspaceId = workspaceOfToken(token);
    if (!workspaceId) return null;
    const now = clock.now();
    return db.inWorkspace(workspaceId, async (tx) => {
      const share = await repo.findShareByHash(tx, workspaceId, hashToken(token));
      if (!share) return null;
      const a = await assets.find(tx, workspaceId, share.assetId);
      if (!a || a.status !== "published" || (a.expiresAt && a.expiresAt <= now)) return null;
      await repo.countView(tx, workspaceId, share.id, now);
      await repo.insertEvent(tx, { workspaceId, id: newId(), assetId: a.id, type: "viewed", actorUserId: null, contactId: share.contactId, dealId: share.dealId, shareId: share.id, at: now });
      if (share.contactId) {
        await touchpoints.appendInTx(tx, workspaceId, {
          contactId: share.contactId, type: "content_view", at: now, source: "tracked_link", assetId: a.id,
          properties: { shareId: share.id, title: a.title, format: a.format, buyingStage: a.buyingStage, ...(meta.userAgent ? { userAgent: meta.userAgent.slice(0, 300) } : {}) },
        });
      }
      if (a.kind === "link") return { kind: "link" as const, url: a.url! };
      if (!a.fileKey || !a.fileMime || !a.fileName || a.fileSize === null) return null;
      return { kind: "file" as const, file: { key: a.fileKey, mime: a.fileMime, name: a.fileName, size: a.fileSize } };
    });
  }

  /** Attaches a published asset to a deal (idempotent). */
  async function attachToDeal(ctx: RequestContext, dealId: string, assetId: string) {
    requireContentSharer(ctx.actor, "attach content to deals");
    await crm.deals.getDeal(ctx, dealId);
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const a = await assets.find(tx, ctx.workspaceId, assetId);
      if (!a) throw invalidField("body.assetId", "no such asset in this workspace");
      if (a.status !== "published") throw new AppError("conflict", "Only published content can be attached to a deal");
      if (await repo.attach(tx, { workspaceId: ctx.workspaceId, dealId, assetId, attachedBy: ctx.actor.userId, attachedAt: now })) {
        await repo.insertEvent(tx, { workspaceId: ctx.workspaceId, id: newId(), assetId, type: "attached", actorUserId: ctx.actor.userId, contactId: null, dealId, shareId: null, at: now });
        await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "asset.attached", entity: "deal", entityId: dealId, changes: { assetId } }, ctx.requestId);
      }
      return dealAssetsIn(ctx, tx, dealId);
    });
  }

  /** Detaches an asset from a deal. */
  async function detachFromDeal(ctx: RequestContext, dealId: string, assetId: string) {
    requireContentSharer(ctx.actor, "detach content from deals");
    await crm.deals.getDeal(ctx, dealId);
    await db.inWorkspace(ctx.workspaceId, async (tx) => {
      if (!(await repo.detach(tx, ctx.workspaceId, dealId, assetId))) throw notFound("Attachment");
      await recordAudit(tx, ctx.workspaceId, ctx.actor, clock.now(), { action: "asset.detached", entity: "deal", entityId: dealId, changes: { assetId } }, ctx.requestId);
    });
  }

  async function dealAssetsIn(ctx: RequestContext, tx: Parameters<Parameters<Database["inWorkspace"]>[1]>[0], dealId: string) {
    const ids = await repo.dealAssetIds(tx, ctx.workspaceId, dealId);
    const attached = new Map(ids.map((r) => [r.asset_id, r.attached]));
    const rows = await assets.findMany(tx, ctx.workspaceId, ids.map((r) => r.asset_id));
    const now = clock.now();
    return { items: rows.map((r) => ({ ...toAsset(r, now), attached: attached.get(r.id) ?? false })).sort((x, y) => x.title.localeCompare(y.title)) };
  }

  /** The content on a deal: attached, or shared for it. */
  async function listDealAssets(ctx: RequestContext, dealId: string) {
    await crm.deals.getDeal(ctx, dealId);
    return db.inWorkspace(ctx.workspaceId, (tx) => dealAssetsIn(ctx, tx, dealId));
  }

  return { shareAsset, usageOf, openTrackedLink, attachToDeal, detachFromDeal, listDealAssets };
}

export type AssetSharesService = ReturnType<typeof createAssetSharesService>;
