import type { Database, Queryable, Tx } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import type { RequestContext } from "../../platform/actor.js";
import { diffFields, recordAudit } from "../../platform/audit.js";
import { newId } from "../../platform/ids.js";
import { invalidField, notFound } from "../../../shared/errors.js";
import type { CreateAccountReviewBody, ListAccountReviewsQuery, UpdateAccountReviewBody } from "../../../shared/contracts/growth.js";
import { accountReviews } from "../../reports/account-reviews.report.js";
import { resolvePeriod, workspaceToday } from "../../reports/report-scope.js";
import type { AccountReviewsRepository } from "./account-reviews.repository.js";
import { requireReviewEditor } from "./growth.policy.js";

/** What reviews need of crm: that an account exists, and which account a contact belongs to. */
export type ReviewsCrmAccess = {
  accountExists(tx: Queryable, workspaceId: string, accountId: string): Promise<boolean>;
  contactAccountId(tx: Queryable, workspaceId: string, contactId: string): Promise<{ accountId: string | null } | null>;
};

type Deps = { db: Database; repo: AccountReviewsRepository; crm: ReviewsCrmAccess; clock: Clock };

/** Business reviews with customer accounts: scheduled with an agenda and attendees from both sides, then held (outcomes, next steps) or cancelled. */
export function createAccountReviewsService({ db, repo, crm, clock }: Deps) {
  async function one(tx: Tx, workspaceId: string, id: string) {
    const [r] = await accountReviews(tx, workspaceId, { reviewId: id });
    if (!r) throw notFound("Account review");
    return r;
  }

  // Our side must be members of the workspace; their side must be people of the reviewed account.
  async function setAttendees(tx: Tx, workspaceId: string, accountId: string, reviewId: string, body: { memberIds?: string[]; contactIds?: string[] }) {
    if (body.memberIds) {
      const bad = await repo.nonMembers(tx, workspaceId, body.memberIds);
      if (bad.length) throw invalidField(`body.memberIds.${body.memberIds.indexOf(bad[0]!)}`, "is not a member of this workspace");
      await repo.setMembers(tx, workspaceId, reviewId, body.memberIds);
    }
    if (body.contactIds) {
      for (const [i, contactId] of body.contactIds.entries()) {
        const c = await crm.contactAccountId(tx, workspaceId, contactId);
        if (c?.accountId !== accountId) throw invalidField(`body.contactIds.${i}`, "is not a contact of this account");
      }
      await repo.setContacts(tx, workspaceId, reviewId, body.contactIds);
    }
  }

  /** An account's reviews, newest first. */
  function listForAccount(ctx: RequestContext, accountId: string) {
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      if (!(await crm.accountExists(tx, ctx.workspaceId, accountId))) throw notFound("Account");
      return { items: await accountReviews(tx, ctx.workspaceId, { accountId }) };
    });
  }

  /** Reviews of a status from a day on (default: the scheduled ones from today, soonest first). */
  function listReviews(ctx: RequestContext, q: ListAccountReviewsQuery) {
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      if (q.ownerId && (await repo.nonMembers(tx, ctx.workspaceId, [q.ownerId])).length) throw notFound("Owner");
      const day = q.from ?? (await workspaceToday(tx, ctx.workspaceId, clock.now()));
      // The start of that day in the workspace's zone.
      const { start: from } = await resolvePeriod(tx, ctx.workspaceId, { from: day, to: day }, clock.now());
      return { items: await accountReviews(tx, ctx.workspaceId, { status: q.status, from, ownerId: q.ownerId, limit: q.limit }) };
    });
  }

  /** One review. */
  function getReview(ctx: RequestContext, id: string) {
    return db.inWorkspace(ctx.workspaceId, (tx) => one(tx, ctx.workspaceId, id));
  }

  /** Schedules a business review with an account. */
  async function scheduleReview(ctx: RequestContext, accountId: string, body: CreateAccountReviewBody) {
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      if (!(await crm.accountExists(tx, ctx.workspaceId, accountId))) throw notFound("Account");
      requireReviewEditor(ctx.actor);
      const id = newId();
      await repo.insert(tx, { workspaceId: ctx.workspaceId, id, accountId, title: body.title, scheduledAt: body.scheduledAt, agenda: body.agenda ?? null, status: "scheduled", createdBy: ctx.actor.userId, createdAt: now, updatedAt: now });
      await setAttendees(tx, ctx.workspaceId, accountId, id, { memberIds: body.memberIds ?? [], contactIds: body.contactIds ?? [] });
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "account_review.scheduled", entity: "account_review", entityId: id, changes: { accountId, ...body } }, ctx.requestId);
      return one(tx, ctx.workspaceId, id);
    });
  }

  /** Changes a review: reschedules it, records it as held with outcomes and next steps, or cancels it. */
  async function updateReview(ctx: RequestContext, id: string, body: UpdateAccountReviewBody) {
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const before = await repo.findById(tx, ctx.workspaceId, id, true);
      if (!before) throw notFound("Account review");
      requireReviewEditor(ctx.actor);
      const { memberIds, contactIds, ...fields } = body;
      await repo.update(tx, ctx.workspaceId, id, { ...fields, updatedAt: now });
      await setAttendees(tx, ctx.workspaceId, before.accountId, id, { memberIds, contactIds });
      const changes = { ...diffFields(before, fields), ...(memberIds ? { memberIds } : {}), ...(contactIds ? { contactIds } : {}) };
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "account_review.updated", entity: "account_review", entityId: id, changes }, ctx.requestId);
      return one(tx, ctx.workspaceId, id);
    });
  }

  return { listForAccount, listReviews, getReview, scheduleReview, updateReview };
}

export type AccountReviewsService = ReturnType<typeof createAccountReviewsService>;
