import type { Database, Queryable } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import type { RequestContext } from "../../platform/actor.js";
import { diffFields, recordAudit } from "../../platform/audit.js";
import { newId } from "../../platform/ids.js";
import { AppError, invalidField, notFound } from "../../../shared/errors.js";
import { DEFAULT_REFERENCE_CAP } from "../../../shared/domain/content.js";
import { referenceSizeOf } from "../../../shared/domain/references.js";
import type {
  CreateReferenceBody,
  ReferenceDetail,
  ReferenceSearchQuery,
  ReferenceSearchResult,
  ReferenceSettings,
  ReferenceUsage,
  ReferenceUsageQuery,
  UpdateReferenceBody,
  UpdateReferenceSettingsBody,
} from "../../../shared/contracts/enablement-references.js";
import type { CrmModule } from "../crm/index.js";
import { resolvePeriod } from "../../reports/report-scope.js";
import { referenceUsageByQuarter } from "../../reports/reference-usage.report.js";
import { mostRequestedReferences } from "../../reports/reference-demand.report.js";
import type { ReferencesRepository } from "./references.repository.js";
import type { ReferenceViews } from "./references-view.js";
import { requireReferenceEditor, requireReferenceSettingsEditor } from "./references.policy.js";

type Deps = { db: Database; repo: ReferencesRepository; views: ReferenceViews; clock: Clock; crm: { accounts: Pick<CrmModule["accounts"], "getAccount"> } };

/** The customer-reference catalogue: search with facets, profiles, the workspace cap and the usage report. */
export function createReferencesService({ db, repo, views, clock, crm }: Deps) {
  async function checkAssets(tx: Queryable, workspaceId: string, ids: string[] | undefined) {
    if (!ids?.length) return;
    const known = new Set((await repo.assets(tx, workspaceId, ids)).map((a) => a.id));
    const bad = ids.findIndex((id) => !known.has(id));
    if (bad >= 0) throw invalidField(`body.caseStudyAssetIds.${bad}`, "no such asset in this workspace");
  }

  /** Searches the catalogue (active references by default) with facet counts; the cursor is an offset. */
  function searchReferences(ctx: RequestContext, q: ReferenceSearchQuery): Promise<ReferenceSearchResult> {
    const offset = Number(q.cursor ?? 0);
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const w = await views.windowAt(tx, ctx.workspaceId, clock.now());
      const { ids, total } = await repo.search(tx, ctx.workspaceId, q, w, offset);
      const page = ids.slice(0, q.limit);
      const shown = new Map((await views.present(tx, ctx.workspaceId, await repo.findMany(tx, ctx.workspaceId, page.map((p) => p.id)), w)).map((r) => [r.id, r]));
      return {
        items: page.map((p) => ({ ...shown.get(p.id)!, rank: p.rank })),
        nextCursor: ids.length > q.limit ? String(offset + q.limit) : null,
        total,
        facets: await repo.facets(tx, ctx.workspaceId, q, w),
      };
    });
  }

  /** A reference's profile: quotes, case studies, availability this quarter and every use, newest first. */
  function getReference(ctx: RequestContext, id: string): Promise<ReferenceDetail> {
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const row = await repo.find(tx, ctx.workspaceId, id);
      if (!row) throw notFound("Reference");
      const w = await views.windowAt(tx, ctx.workspaceId, clock.now());
      const [ref] = await views.present(tx, ctx.workspaceId, [row], w);
      const found = new Map((await repo.assets(tx, ctx.workspaceId, row.caseStudyAssetIds)).map((a) => [a.id, a]));
      const caseStudies = row.caseStudyAssetIds.flatMap((a) => (found.has(a) ? [found.get(a)!] : []));
      const uses = await views.presentUses(tx, ctx.workspaceId, ctx.actor, await repo.listUses(tx, ctx.workspaceId, { referenceId: id }));
      return { ...ref!, caseStudies, uses };
    });
  }

  /** Adds a customer to the catalogue; industry, size (from head count) and region default to the account's. */
  async function createReference(ctx: RequestContext, body: CreateReferenceBody) {
    requireReferenceEditor(ctx.actor, null, "add customer references");
    const account = await crm.accounts.getAccount(ctx, body.accountId).catch((err: unknown) => {
      if (err instanceof AppError && err.code === "not_found") throw invalidField("body.accountId", "no such account in this workspace");
      throw err;
    });
    const now = clock.now();
    const id = newId();
    await db.inWorkspace(ctx.workspaceId, async (tx) => {
      await checkAssets(tx, ctx.workspaceId, body.caseStudyAssetIds);
      await repo.insert(tx, {
        workspaceId: ctx.workspaceId, id, accountId: body.accountId, contactName: body.contactName ?? null,
        industry: body.industry === undefined ? account.industry : body.industry,
        size: body.size === undefined ? referenceSizeOf(account.employees) : body.size,
        region: body.region === undefined ? account.region : body.region,
        products: body.products ?? account.products.map((p) => p.name), useCase: body.useCase ?? "", quotes: body.quotes ?? [],
        caseStudyAssetIds: body.caseStudyAssetIds ?? [], ownerId: body.ownerId ?? ctx.actor.userId, quarterlyCap: body.quarterlyCap ?? null,
        active: body.active ?? true, createdAt: now, updatedAt: now,
      });
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "reference.created", entity: "customer_reference", entityId: id, changes: { accountId: body.accountId, ownerId: body.ownerId ?? ctx.actor.userId } }, ctx.requestId);
    });
    return getReference(ctx, id);
  }

  /** Changes a reference (marketing, managers, admins, or its owner). */
  async function updateReference(ctx: RequestContext, id: string, body: UpdateReferenceBody) {
    const now = clock.now();
    await db.inWorkspace(ctx.workspaceId, async (tx) => {
      const before = await repo.find(tx, ctx.workspaceId, id, true);
      if (!before) throw notFound("Reference");
      requireReferenceEditor(ctx.actor, before.ownerId, "change customer references");
      await checkAssets(tx, ctx.workspaceId, body.caseStudyAssetIds);
      await repo.update(tx, ctx.workspaceId, id, { ...body, updatedAt: now });
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "reference.updated", entity: "customer_reference", entityId: id, changes: diffFields(before, body) }, ctx.requestId);
    });
    return getReference(ctx, id);
  }

  /** The workspace's reference cap per quarter (the default when never set). */
  function getSettings(ctx: RequestContext): Promise<ReferenceSettings> {
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const cap = await repo.settings(tx, ctx.workspaceId);
      return { quarterlyCap: cap ?? DEFAULT_REFERENCE_CAP, isDefault: cap === null };
    });
  }

  /** Sets the workspace's reference cap per quarter (managers and admins). */
  async function updateSettings(ctx: RequestContext, body: UpdateReferenceSettingsBody): Promise<ReferenceSettings> {
    requireReferenceSettingsEditor(ctx.actor);
    const now = clock.now();
    await db.inWorkspace(ctx.workspaceId, async (tx) => {
      const before = await repo.settings(tx, ctx.workspaceId);
      await repo.saveSettings(tx, ctx.workspaceId, body.quarterlyCap, now);
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "reference.cap_set", entity: "content_settings", changes: { quarterlyCap: { from: before, to: body.quarterlyCap } } }, ctx.requestId);
    });
    return getSettings(ctx);
  }

  /** Reference usage per quarter of the period (default: the last 12 months) and the most requested references. */
  function usage(ctx: RequestContext, query: ReferenceUsageQuery): Promise<ReferenceUsage> {
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const period = await resolvePeriod(tx, ctx.workspaceId, query, clock.now());
      return {
        from: period.from, to: period.to, timezone: period.timezone,
        quarters: await referenceUsageByQuarter(tx, ctx.workspaceId, period),
        mostRequested: await mostRequestedReferences(tx, ctx.workspaceId, period, 10),
      };
    });
  }

  return { searchReferences, getReference, createReference, updateReference, getSettings, updateSettings, usage };
}

export type ReferencesService = ReturnType<typeof createReferencesService>;
