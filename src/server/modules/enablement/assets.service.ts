import type { Database } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import type { RequestContext } from "../../platform/actor.js";
import { recordAudit } from "../../platform/audit.js";
import { newId } from "../../platform/ids.js";
import { AppError, invalidField, notFound } from "../../../shared/errors.js";
import { buyingStageOfContact, buyingStageOfDeal } from "../../../shared/domain/content.js";
import type { AssetSearchQuery, CreateAssetBody, Recommendations, ReviewAssetBody, UpdateAssetBody } from "../../../shared/contracts/enablement-content.js";
import type { CrmModule } from "../crm/index.js";
import { toAsset, type AssetsRepository } from "./assets.repository.js";
import type { FileStore } from "./assets-files.js";
import { checkFileType } from "./assets-files.js";
import { requireContentEditor, requireContentReviewer } from "./assets.policy.js";

type Deps = {
  db: Database;
  repo: AssetsRepository;
  files: FileStore;
  clock: Clock;
  crm: { contacts: Pick<CrmModule["contacts"], "getContact">; deals: Pick<CrmModule["deals"], "getDeal"> };
  /** The names of the competitors a deal is tagged with (the competitors part, wired after this one). */
  dealCompetitorNames: (ctx: RequestContext, dealId: string) => Promise<string[]>;
};

/** The content library: assets, their files, search with facets, the publish/review flow and recommendations. */
export function createAssetsService({ db, repo, files, clock, crm, dealCompetitorNames }: Deps) {
  async function load(ctx: RequestContext, id: string, tx: Parameters<Parameters<Database["inWorkspace"]>[1]>[0], lock = false) {
    const row = await repo.find(tx, ctx.workspaceId, id, lock);
    if (!row) throw notFound("Asset");
    return row;
  }
  const audit = (ctx: RequestContext, tx: Parameters<typeof recordAudit>[0], action: string, id: string, changes: Record<string, unknown>) =>
    recordAudit(tx, ctx.workspaceId, ctx.actor, clock.now(), { action, entity: "asset", entityId: id, changes }, ctx.requestId);

  /** Searches the library (published by default) with facet counts; the cursor is an offset. */
  function searchAssets(ctx: RequestContext, q: AssetSearchQuery) {
    const now = clock.now();
    const offset = Number(q.cursor ?? 0);
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const { ids, total } = await repo.search(tx, ctx.workspaceId, q, now, offset);
      const page = ids.slice(0, q.limit);
      const rows = new Map((await repo.findMany(tx, ctx.workspaceId, page.map((r) => r.id))).map((r) => [r.id, r]));
      const facets = await repo.facets(tx, ctx.workspaceId, q, now);
      const items = page.map((p) => ({ ...toAsset(rows.get(p.id)!, now), rank: p.rank }));
      return { items, nextCursor: ids.length > q.limit ? String(offset + q.limit) : null, total, facets };
    });
  }

  /** One asset. */
  async function getAsset(ctx: RequestContext, id: string) {
    return toAsset(await db.inWorkspace(ctx.workspaceId, (tx) => load(ctx, id, tx)), clock.now());
  }

  /** Creates a draft asset owned by the creator. */
  async function createAsset(ctx: RequestContext, body: CreateAssetBody) {
    requireContentEditor(ctx.actor, "add content");
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const row = await repo.insert(tx, {
        workspaceId: ctx.workspaceId, id: newId(), kind: body.kind, title: body.title, summary: body.summary ?? "", body: body.body ?? "", tags: body.tags ?? [],
        format: body.format, buyingStage: body.buyingStage, personas: body.personas ?? [], products: body.products ?? [], competitors: body.competitors ?? [],
        ownerId: ctx.actor.userId, status: "draft", expiresAt: body.expiresAt ?? null, productionCost: body.productionCost ?? null,
        url: body.kind === "link" ? body.url! : null, createdAt: now, updatedAt: now,
      });
      await audit(ctx, tx, "asset.created", row.id, { title: body.title, kind: body.kind });
      return toAsset({ ...row, ownerName: ctx.actor.name }, now);
    });
  }

  /** Changes an asset's fields (the URL only of a link). */
  async function updateAsset(ctx: RequestContext, id: string, body: UpdateAssetBody) {
    requireContentEditor(ctx.actor, "edit content");
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const current = await load(ctx, id, tx, true);
      if (body.url !== undefined && current.kind !== "link") throw invalidField("body.url", "only a link asset has a url");
      await repo.update(tx, ctx.workspaceId, id, { ...body, updatedAt: now });
      await audit(ctx, tx, "asset.updated", id, body);
      return toAsset((await repo.find(tx, ctx.workspaceId, id))!, now);
    });
  }

  /** Checks, before a body is read, that the actor may upload and the asset takes a file. */
  async function checkUploadable(ctx: RequestContext, id: string) {
    requireContentEditor(ctx.actor, "upload content");
    const a = await db.inWorkspace(ctx.workspaceId, (tx) => load(ctx, id, tx));
    if (a.kind !== "file") throw new AppError("conflict", "A link asset takes no file");
  }

  /** Stores an uploaded file for a file asset after checking its type by extension and magic bytes. */
  async function uploadFile(ctx: RequestContext, id: string, file: { name: string; data: Buffer }) {
    requireContentEditor(ctx.actor, "upload content");
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const current = await load(ctx, id, tx, true);
      if (current.kind !== "file") throw new AppError("conflict", "A link asset takes no file");
      const type = checkFileType(file.name, file.data.subarray(0, 4096));
      const key = await files.put(ctx.workspaceId, id, file.data);
      await repo.update(tx, ctx.workspaceId, id, { fileKey: key, fileName: file.name.slice(0, 200), fileMime: type.mime, fileSize: file.data.length, updatedAt: now });
      await audit(ctx, tx, "asset.file_uploaded", id, { fileName: file.name, size: file.data.length, mime: type.mime });
      return toAsset((await repo.find(tx, ctx.workspaceId, id))!, now);
    });
  }

  /** The stored file of an asset, for a member of the workspace. */
  async function fileOf(ctx: RequestContext, id: string) {
    const row = await db.inWorkspace(ctx.workspaceId, (tx) => load(ctx, id, tx));
    if (!row.fileKey || !row.fileMime || !row.fileName || row.fileSize === null) throw notFound("File");
    return { key: row.fileKey, mime: row.fileMime, name: row.fileName, size: row.fileSize };
  }

  /**
   * Moves an asset on: `publish` (Engage assets go straight out; Convert assets must pass a sales review first),
   * `submit` (a draft goes to review), `retire`.
   */
  async function moveAsset(ctx: RequestContext, id: string, action: "publish" | "submit" | "retire") {
    requireContentEditor(ctx.actor, `${action} content`);
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const a = await load(ctx, id, tx, true);
      if (a.kind === "file" && !a.fileKey && action !== "retire") throw new AppError("conflict", "Upload the file first");
      let patch: Parameters<AssetsRepository["update"]>[3];
      if (action === "retire") {
        if (a.status === "retired") throw new AppError("conflict", "The asset is already retired");
        patch = { status: "retired" };
      } else if (action === "submit") {
        if (a.status !== "draft") throw new AppError("conflict", `Only a draft can go to review (this one is ${a.status})`);
        patch = { status: "in_review" };
      } else {
        if (a.status === "published") throw new AppError("conflict", "The asset is already published");
        if (a.buyingStage === "convert") throw new AppError("conflict", "Convert-stage content is published by a sales review: submit it for review");
        patch = { status: "published", publishedAt: now };
      }
      await repo.update(tx, ctx.workspaceId, id, { ...patch, updatedAt: now });
      await audit(ctx, tx, `asset.${action === "submit" ? "submitted" : action === "publish" ? "published" : "retired"}`, id, { from: a.status, to: patch.status });
      return toAsset((await repo.find(tx, ctx.workspaceId, id))!, now);
    });
  }

  /** A sales review of an asset in review: approve (it is published) or send it back to draft with comments. */
  async function reviewAsset(ctx: RequestContext, id: string, body: ReviewAssetBody) {
    requireContentReviewer(ctx.actor);
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const a = await load(ctx, id, tx, true);
      if (a.status !== "in_review") throw new AppError("conflict", `The asset is not in review (it is ${a.status})`);
      const approved = body.decision === "approve";
      await repo.update(tx, ctx.workspaceId, id, {
        status: approved ? "published" : "draft", publishedAt: approved ? now : null, reviewComment: body.comment ?? null, reviewedBy: ctx.actor.userId, reviewedAt: now, updatedAt: now,
      });
      await audit(ctx, tx, approved ? "asset.approved" : "asset.sent_back", id, { comment: body.comment ?? null });
      return toAsset((await repo.find(tx, ctx.workspaceId, id))!, now);
    });
  }

  async function recommendFor(ctx: RequestContext, m: { stage: "engage" | "convert"; persona: string | null; competitors: string[] }): Promise<Recommendations> {
    const now = clock.now();
    const items = await db.inWorkspace(ctx.workspaceId, async (tx) => {
      const ids = await repo.recommend(tx, ctx.workspaceId, m, now, 6);
      const rows = new Map((await repo.findMany(tx, ctx.workspaceId, ids)).map((r) => [r.id, r]));
      return ids.map((id) => rows.get(id)!);
    });
    return {
      buyingStage: m.stage, persona: m.persona, competitors: m.competitors,
      items: items.map((r) => ({
        ...toAsset(r, now),
        reasons: [`${m.stage} stage`, ...(m.persona && r.personas.includes(m.persona) ? [`for ${m.persona}`] : []), ...r.competitors.filter((c) => m.competitors.includes(c)).map((c) => `against ${c}`)],
      })),
    };
  }

  /** Recommended content for a contact: its persona, and the buying stage of its lifecycle stage. */
  async function recommendForContact(ctx: RequestContext, contactId: string) {
    const c = await crm.contacts.getContact(ctx, contactId);
    return recommendFor(ctx, { stage: buyingStageOfContact(c.stage), persona: c.persona, competitors: [] });
  }

  /** Recommended content for a deal: the buying stage of its stage, its primary contact's persona, its competitors (tags and the competitor at close). */
  async function recommendForDeal(ctx: RequestContext, dealId: string) {
    const d = await crm.deals.getDeal(ctx, dealId);
    const persona = d.primaryContactId ? (await crm.contacts.getContact(ctx, d.primaryContactId)).persona : null;
    // An open deal names its rivals by its competitor tags; a closed one may also carry the competitor it was lost to.
    const competitors = [...new Set([...(d.competitor ? [d.competitor] : []), ...(await dealCompetitorNames(ctx, dealId))])];
    return recommendFor(ctx, { stage: buyingStageOfDeal(d.stage), persona, competitors });
  }

  return { searchAssets, getAsset, createAsset, updateAsset, checkUploadable, uploadFile, fileOf, moveAsset, reviewAsset, recommendForContact, recommendForDeal };
}

export type AssetsService = ReturnType<typeof createAssetsService>;
