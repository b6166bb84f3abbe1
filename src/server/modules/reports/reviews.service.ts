import type { Database, Tx } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import { requireRole, systemActor, type RequestContext } from "../../platform/actor.js";
import type { JobContext, JobsService } from "../jobs/index.js";
import { diffFields, recordAudit } from "../../platform/audit.js";
import { newId } from "../../platform/ids.js";
import { AppError, invalidField, notFound } from "../../../shared/errors.js";
import { PERMISSIONS } from "../../../shared/domain/permissions.js";
import { quarterRange } from "../../../shared/domain/quarters.js";
import type {
  CreateReviewActionBody,
  CreateReviewBody,
  ListReviewActionsQuery,
  Review,
  ReviewAction,
  ReviewSnapshot,
  UpdateReviewActionBody,
  UpdateReviewBody,
} from "../../../shared/contracts/reviews.js";
import { workspaceToday } from "../../reports/report-scope.js";
import type { ReviewActionRow, ReviewsRepository } from "./reviews.repository.js";
import type { BuildReviewSnapshot } from "./review-snapshot.js";
import { renderReviewHtml } from "./review-html.js";
import { printHtmlToPdf } from "../../platform/pdf.js";
import { sql } from "drizzle-orm";

type Deps = {
  db: Database;
  repo: ReviewsRepository;
  clock: Clock;
  buildSnapshot: BuildReviewSnapshot;
  chromiumPath: string;
  jobs: Pick<JobsService, "enqueueIn" | "announce" | "pendingOf">;
};

const requireReviewer = (ctx: RequestContext, action: string) => requireRole(ctx.actor, PERMISSIONS.runReviews, action);

/** The quarterly joint review: generate it for a quarter, agree actions with owners and due dates, carry open ones forward. */
export function createReviewsService({ db, repo, clock, buildSnapshot, chromiumPath, jobs }: Deps) {
  function toAction(r: ReviewActionRow, today: string): ReviewAction {
    return {
      id: r.id,
      reviewId: r.reviewId,
      agreedIn: r.agreedIn,
      title: r.title,
      ownerId: r.ownerId,
      ownerName: r.ownerName,
      dueOn: r.dueOn,
      status: r.status,
      outcome: r.outcome,
      closedAt: r.closedAt,
      overdue: r.status === "open" && r.dueOn < today,
    };
  }

  const today = (tx: Tx, workspaceId: string) => workspaceToday(tx, workspaceId, clock.now());

  async function load(tx: Tx, workspaceId: string, id: string): Promise<Review> {
    const r = await repo.find(tx, workspaceId, id);
    if (!r) throw notFound("Review");
    const day = await today(tx, workspaceId);
    const agreed = await repo.actionsOf(tx, workspaceId, id);
    const carried = await repo.carriedInto(tx, workspaceId, r.quarter, r.generatedAt);
    return {
      id: r.id,
      quarter: r.quarter,
      title: r.title,
      status: r.status,
      generatedAt: r.generatedAt,
      notes: r.notes,
      createdByName: r.createdByName,
      snapshot: r.snapshot as ReviewSnapshot,
      actions: agreed.length,
      openActions: agreed.filter((a) => a.status === "open").length,
      agreedActions: agreed.map((a) => toAction(a, day)),
      carriedActions: carried.map((a) => toAction(a, day)),
    };
  }

  /** Every review, newest quarter first. */
  function listReviews(ctx: RequestContext) {
    return db.inWorkspace(ctx.workspaceId, (tx) => repo.list(tx, ctx.workspaceId));
  }

  /** One review with its snapshot, its actions and the open actions carried into it. */
  function getReview(ctx: RequestContext, id: string) {
    return db.inWorkspace(ctx.workspaceId, (tx) => load(tx, ctx.workspaceId, id));
  }

  /** Refuses a second generation of the same quarter or review while one is queued or running. */
  async function assertNotGenerating(tx: Tx, workspaceId: string, match: (params: Record<string, unknown>, subjectId: string | null) => boolean) {
    const pending = await jobs.pendingOf(tx, workspaceId, "review_generate");
    if (pending.some((j) => match(j.params, j.subjectId))) throw new AppError("conflict", "This review is being generated; follow the job already running");
  }

  /** Starts generating the review of a quarter that has started (a job; one review per quarter). */
  async function requestReview(ctx: RequestContext, body: CreateReviewBody) {
    requireReviewer(ctx, "run quarterly reviews");
    const job = await db.inWorkspace(ctx.workspaceId, async (tx) => {
      if (quarterRange(body.quarter).from > (await today(tx, ctx.workspaceId))) throw invalidField("body.quarter", "has not started yet");
      if (await repo.findByQuarter(tx, ctx.workspaceId, body.quarter)) throw new AppError("conflict", `A review of ${body.quarter} exists already; open it or regenerate it`);
      await assertNotGenerating(tx, ctx.workspaceId, (p, subject) => subject === null && p.quarter === body.quarter);
      return jobs.enqueueIn(tx, ctx.workspaceId, { kind: "review_generate", params: { quarter: body.quarter, title: body.title ?? null }, requestedBy: ctx.actor.userId });
    });
    await jobs.announce(job);
    return job;
  }

  /** Starts refreshing a draft review's numbers from today's data (a job); a final review is frozen (409). */
  async function requestRegeneration(ctx: RequestContext, id: string) {
    const job = await db.inWorkspace(ctx.workspaceId, async (tx) => {
      const r = await repo.find(tx, ctx.workspaceId, id);
      if (!r) throw notFound("Review");
      requireReviewer(ctx, "regenerate quarterly reviews");
      if (r.status === "final") throw new AppError("conflict", "This review is final; its numbers are the record of the meeting");
      await assertNotGenerating(tx, ctx.workspaceId, (_p, subject) => subject === id);
      return jobs.enqueueIn(tx, ctx.workspaceId, { kind: "review_generate", subjectId: id, params: { quarter: r.quarter }, requestedBy: ctx.actor.userId });
    });
    await jobs.announce(job);
    return job;
  }

  /**
   * The review_generate job: builds the snapshot section by section (progress per section) in one read transaction,
   * then creates the review, or refreshes the draft named by the job's subject. Safe to run again after a crash.
   */
  async function runGeneration(job: JobContext): Promise<Record<string, unknown>> {
    const { workspaceId, subjectId: reviewId } = job;
    const quarter = String(job.params.quarter);
    const actor = job.requestedBy ? systemActor(job.requestedBy) : null;
    const snapshot = await db.inWorkspace(workspaceId, (tx) => buildSnapshot(tx, workspaceId, quarter, clock.now(), (done, total, label) => job.progress(done, total, label)));
    const now = clock.now();
    return db.inWorkspace(workspaceId, async (tx) => {
      if (reviewId) {
        const r = await repo.find(tx, workspaceId, reviewId, true);
        if (!r) throw new Error("The review was deleted while its numbers were being refreshed");
        if (r.status === "final") throw new Error("The review was made final while its numbers were being refreshed; they were left as they were");
        await repo.update(tx, workspaceId, reviewId, { snapshot, generatedAt: now, updatedAt: now });
        await recordAudit(tx, workspaceId, actor, now, { action: "review.regenerated", entity: "review", entityId: reviewId, changes: { jobId: job.jobId } });
        return { reviewId, quarter };
      }
      const existing = await repo.findByQuarter(tx, workspaceId, quarter);
      if (existing) throw new Error(`A review of ${quarter} was created meanwhile; open it or regenerate it`);
      const id = newId();
      const title = typeof job.params.title === "string" ? job.params.title : `Joint review ${quarter.replace("-", " ")}`;
      await repo.insert(tx, { workspaceId, id, quarter, title, status: "draft", snapshot, generatedAt: now, createdBy: job.requestedBy, createdAt: now, updatedAt: now });
      await recordAudit(tx, workspaceId, actor, now, { action: "review.created", entity: "review", entityId: id, changes: { quarter, title, jobId: job.jobId } });
      return { reviewId: id, quarter };
    });
  }

  /** Renames a review, records its notes, or makes it final. */
  async function updateReview(ctx: RequestContext, id: string, body: UpdateReviewBody) {
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const r = await repo.find(tx, ctx.workspaceId, id, true);
      if (!r) throw notFound("Review");
      requireReviewer(ctx, "edit quarterly reviews");
      if (r.status === "final" && body.notes !== undefined) throw new AppError("conflict", "This review is final; its notes are the record of the meeting");
      const patch = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
      await repo.update(tx, ctx.workspaceId, id, { ...patch, updatedAt: now });
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "review.updated", entity: "review", entityId: id, changes: diffFields(r, patch) }, ctx.requestId);
      return load(tx, ctx.workspaceId, id);
    });
  }

  /** Records an action agreed in a review, owned by a member of the workspace. */
  async function addAction(ctx: RequestContext, reviewId: string, body: CreateReviewActionBody) {
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const r = await repo.find(tx, ctx.workspaceId, reviewId);
      if (!r) throw notFound("Review");
      requireReviewer(ctx, "record review actions");
      if (!(await repo.isMember(tx, ctx.workspaceId, body.ownerId))) throw invalidField("body.ownerId", "is not an active member of this workspace");
      const id = newId();
      await repo.insertAction(tx, { workspaceId: ctx.workspaceId, id, reviewId, title: body.title, ownerId: body.ownerId, dueOn: body.dueOn, status: "open", createdBy: ctx.actor.userId, createdAt: now, updatedAt: now });
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "review_action.created", entity: "review_action", entityId: id, changes: { reviewId, ...body } }, ctx.requestId);
      const row = await repo.findAction(tx, ctx.workspaceId, id);
      return toAction(row!, await today(tx, ctx.workspaceId));
    });
  }

  /** Changes an action: reviewers may change anything; its owner may record its status and outcome. */
  async function updateAction(ctx: RequestContext, id: string, body: UpdateReviewActionBody) {
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const before = await repo.findAction(tx, ctx.workspaceId, id, true);
      if (!before) throw notFound("Review action");
      const ownerOnly = before.ownerId === ctx.actor.userId && body.title === undefined && body.ownerId === undefined && body.dueOn === undefined;
      if (!ownerOnly) requireReviewer(ctx, "change review actions other than your own status and outcome");
      if (body.ownerId && !(await repo.isMember(tx, ctx.workspaceId, body.ownerId))) throw invalidField("body.ownerId", "is not an active member of this workspace");
      const patch: Record<string, unknown> = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
      if (body.status && body.status !== before.status) patch.closedAt = body.status === "open" ? null : now;
      await repo.updateAction(tx, ctx.workspaceId, id, { ...patch, updatedAt: now });
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "review_action.updated", entity: "review_action", entityId: id, changes: diffFields(before, patch) }, ctx.requestId);
      return toAction((await repo.findAction(tx, ctx.workspaceId, id))!, await today(tx, ctx.workspaceId));
    });
  }

  /** Actions across every review (e.g. the open ones on a dashboard). */
  function listActions(ctx: RequestContext, q: ListReviewActionsQuery) {
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const day = await today(tx, ctx.workspaceId);
      return (await repo.listActions(tx, ctx.workspaceId, q)).map((a) => toAction(a, day));
    });
  }

  /** The review as a downloadable HTML page or its PDF print. */
  async function exportReview(ctx: RequestContext, id: string, format: "html" | "pdf") {
    const { review, ws } = await db.inWorkspace(ctx.workspaceId, async (tx) => {
      const res = await tx.execute<{ name: string; currency: string }>(sql`select name, currency from workspaces where id = ${ctx.workspaceId}`);
      return { review: await load(tx, ctx.workspaceId, id), ws: res.rows[0]! };
    });
    const html = renderReviewHtml(review, { workspaceName: ws.name, currency: ws.currency });
    const base = `tandem-review-${review.quarter}`;
    if (format === "html") return { filename: `${base}.html`, contentType: "text/html; charset=utf-8", body: Buffer.from(html, "utf8") };
    return { filename: `${base}.pdf`, contentType: "application/pdf", body: await printHtmlToPdf(html, chromiumPath) };
  }

  return { exportReview, listReviews, getReview, requestReview, requestRegeneration, runGeneration, updateReview, addAction, updateAction, listActions };
}

export type ReviewsService = ReturnType<typeof createReviewsService>;
