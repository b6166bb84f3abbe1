import type { Database, Queryable, Tx } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import type { Actor, RequestContext } from "../../platform/actor.js";
import { diffFields, recordAudit } from "../../platform/audit.js";
import { newId } from "../../platform/ids.js";
import { AppError, invalidField, notFound } from "../../../shared/errors.js";
import { can } from "../../../shared/domain/permissions.js";
import { isBelowThreshold, type AnswerCheckBody, type Brief, type CreateBriefBody, type Readiness, type UpdateBriefBody, type UpdateEnablementSettingsBody } from "../../../shared/contracts/enablement-briefs.js";
import { workspaceToday } from "../../reports/report-scope.js";
import type { NotificationsService } from "../notifications/index.js";
import type { BriefRow, BriefsRepository, RecipientRow } from "./briefs.repository.js";
import { requireEnablementAuthor } from "./enablement.policy.js";

/** What this module needs from campaigns (their table is theirs). */
export type CampaignAccess = {
  campaignRef(tx: Queryable, workspaceId: string, id: string): Promise<{ id: string; name: string; status: string; startsOn: string | null; ownerId: string | null } | null>;
};

type Deps = { db: Database; repo: BriefsRepository; clock: Clock; campaigns: CampaignAccess; notifications: Pick<NotificationsService, "notifyIn" | "notifyRolesIn"> };

/** Ready = acknowledged and check passed; share = ready / in scope. */
function readinessOf(recipients: RecipientRow[], threshold: number): Readiness {
  const acknowledged = recipients.filter((r) => r.acknowledgedAt).length;
  const passed = recipients.filter((r) => r.checkPassedAt).length;
  const ready = recipients.filter((r) => r.acknowledgedAt && r.checkPassedAt).length;
  return { inScope: recipients.length, acknowledged, passed, ready, share: recipients.length ? ready / recipients.length : null, threshold };
}

/** Campaign briefs: compose, publish to the reps in scope, acknowledge and check, readiness and the launch flag. */
export function createBriefsService({ db, repo, clock, campaigns, notifications }: Deps) {
  const isOverseer = (actor: Actor) => can(actor.role, "manageEnablement");

  async function present(tx: Tx, workspaceId: string, rows: BriefRow[], actor: Actor | null): Promise<Brief[]> {
    const threshold = await repo.threshold(tx, workspaceId);
    const all = await repo.recipients(tx, workspaceId, rows.map((r) => r.id));
    const out: Brief[] = [];
    for (const b of rows) {
      const campaign = await campaigns.campaignRef(tx, workspaceId, b.campaignId);
      const recipients = all.filter((r) => r.briefId === b.id);
      const view = (r: RecipientRow) => ({ userId: r.userId, name: r.name, acknowledgedAt: r.acknowledgedAt, checkPassedAt: r.checkPassedAt, attempts: r.attempts });
      const mine = actor ? recipients.find((r) => r.userId === actor.userId) : undefined;
      const seesAll = actor === null || isOverseer(actor);
      const { workspaceId: _w, createdBy: _c, publishedBy: _p, questions, ...rest } = b;
      out.push({
        ...rest,
        campaignName: campaign?.name ?? "",
        questions: questions.map((q) => ({ question: q.question, options: q.options, correct: seesAll ? q.correct : null })),
        readiness: readinessOf(recipients, threshold),
        mine: mine ? view(mine) : null,
        recipients: seesAll ? recipients.map(view) : [],
      });
    }
    return out;
  }

  const one = async (tx: Tx, ctx: RequestContext, b: BriefRow) => (await present(tx, ctx.workspaceId, [b], ctx.actor))[0]!;

  async function checkScope(tx: Tx, workspaceId: string, body: Pick<UpdateBriefBody, "scopeTeamId" | "scopeMemberIds">) {
    if (body.scopeTeamId && !(await repo.teamExists(tx, workspaceId, body.scopeTeamId))) throw invalidField("body.scopeTeamId", "no such team");
    const ids = body.scopeMemberIds ?? [];
    const active = await repo.activeMembers(tx, workspaceId, ids);
    const bad = ids.findIndex((id) => !active.has(id));
    if (bad >= 0) throw invalidField(`body.scopeMemberIds.${bad}`, "not an active member");
  }

  /** Every brief with its readiness (a rep sees the ones they are in scope of). */
  function listBriefs(ctx: RequestContext) {
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const rows = isOverseer(ctx.actor) || ctx.actor.role === "manager" ? await repo.list(tx, ctx.workspaceId) : await repo.listFor(tx, ctx.workspaceId, ctx.actor.userId);
      return present(tx, ctx.workspaceId, rows, ctx.actor);
    });
  }

  /** One brief. */
  function getBrief(ctx: RequestContext, id: string) {
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const b = await repo.findById(tx, ctx.workspaceId, id);
      if (!b) throw notFound("Brief");
      return one(tx, ctx, b);
    });
  }

  /** A campaign's brief (404 when it has none). */
  function campaignBrief(ctx: RequestContext, campaignId: string) {
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      if (!(await campaigns.campaignRef(tx, ctx.workspaceId, campaignId))) throw notFound("Campaign");
      const b = await repo.findByCampaign(tx, ctx.workspaceId, campaignId);
      if (!b) throw notFound("Brief");
      return one(tx, ctx, b);
    });
  }

  /** Writes a campaign's brief as a draft (one per campaign). */
  async function createBrief(ctx: RequestContext, body: CreateBriefBody) {
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const campaign = await campaigns.campaignRef(tx, ctx.workspaceId, body.campaignId);
      if (!campaign) throw invalidField("body.campaignId", "no such campaign");
      requireEnablementAuthor(ctx.actor, "write campaign briefs");
      await checkScope(tx, ctx.workspaceId, body);
      const b = await repo.insert(tx, { ...body, startsOn: body.startsOn ?? campaign.startsOn, workspaceId: ctx.workspaceId, id: newId(), createdBy: ctx.actor.userId, createdAt: now, updatedAt: now });
      if (!b) throw new AppError("conflict", "The campaign has a brief already; edit that one");
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "brief.created", entity: "campaign_brief", entityId: b.id, changes: { campaignId: body.campaignId } }, ctx.requestId);
      return one(tx, ctx, b);
    });
  }

  /** Changes a draft brief; a published one is final (reps answered its check). */
  async function updateBrief(ctx: RequestContext, id: string, body: UpdateBriefBody) {
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const before = await repo.findById(tx, ctx.workspaceId, id, true);
      if (!before) throw notFound("Brief");
      requireEnablementAuthor(ctx.actor, "change campaign briefs");
      if (before.status !== "draft") throw new AppError("conflict", "The brief is published; reps have answered it, so it can no longer change");
      await checkScope(tx, ctx.workspaceId, body);
      await repo.update(tx, ctx.workspaceId, id, { ...body, updatedAt: now });
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "brief.updated", entity: "campaign_brief", entityId: id, changes: diffFields(before, body) }, ctx.requestId);
      return one(tx, ctx, (await repo.findById(tx, ctx.workspaceId, id))!);
    });
  }

  /** Deletes a brief that is still a draft. */
  async function deleteBrief(ctx: RequestContext, id: string) {
    const now = clock.now();
    await db.inWorkspace(ctx.workspaceId, async (tx) => {
      const b = await repo.findById(tx, ctx.workspaceId, id, true);
      if (!b) throw notFound("Brief");
      requireEnablementAuthor(ctx.actor, "delete campaign briefs");
      if (b.status !== "draft") throw new AppError("conflict", "A published brief stays on record");
      await repo.delete(tx, ctx.workspaceId, id);
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "brief.deleted", entity: "campaign_brief", entityId: id }, ctx.requestId);
    });
  }

  /** Publishes the brief: every active member in scope becomes a recipient and is notified. */
  async function publishBrief(ctx: RequestContext, id: string) {
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const b = await repo.findById(tx, ctx.workspaceId, id, true);
      if (!b) throw notFound("Brief");
      requireEnablementAuthor(ctx.actor, "publish campaign briefs");
      if (b.status !== "draft") throw new AppError("conflict", "The brief is published already");
      if (b.launchCheckedAt) throw new AppError("conflict", "The campaign launched already; a brief is published before launch");
      const reps = await repo.membersInScope(tx, ctx.workspaceId, b.scopeTeamId, b.scopeMemberIds);
      if (reps.length === 0) throw new AppError("conflict", "Nobody is in scope: choose a team or members first");
      await repo.addRecipients(tx, ctx.workspaceId, id, reps, now);
      await repo.update(tx, ctx.workspaceId, id, { status: "published", publishedAt: now, publishedBy: ctx.actor.userId, updatedAt: now });
      const campaign = await campaigns.campaignRef(tx, ctx.workspaceId, b.campaignId);
      await notifications.notifyIn(tx, ctx.workspaceId, reps, { kind: "brief.published", title: `Campaign brief: ${campaign?.name ?? ""}`, body: "Read it, acknowledge it and answer the short check before launch.", link: `/briefs/${id}`, entity: "campaign_brief", entityId: id });
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "brief.published", entity: "campaign_brief", entityId: id, changes: { recipients: reps.length } }, ctx.requestId);
      return one(tx, ctx, (await repo.findById(tx, ctx.workspaceId, id))!);
    });
  }

  async function lockRecipient(tx: Tx, ctx: RequestContext, id: string) {
    const b = await repo.findById(tx, ctx.workspaceId, id);
    if (!b) throw notFound("Brief");
    const r = await repo.recipient(tx, ctx.workspaceId, id, ctx.actor.userId);
    if (!r) throw new AppError("forbidden", "You are not in this brief's scope");
    return { b, r };
  }

  /** The caller (a rep in scope) acknowledges the brief. */
  async function acknowledge(ctx: RequestContext, id: string) {
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const { b, r } = await lockRecipient(tx, ctx, id);
      if (!r.acknowledgedAt) await repo.updateRecipient(tx, ctx.workspaceId, id, ctx.actor.userId, { acknowledgedAt: now });
      return one(tx, ctx, b);
    });
  }

  /** The caller answers the check; every answer right passes it (attempts are counted, a pass stays). */
  async function answerCheck(ctx: RequestContext, id: string, body: AnswerCheckBody) {
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const { b, r } = await lockRecipient(tx, ctx, id);
      if (body.answers.length !== b.questions.length) throw invalidField("body.answers", `answer all ${b.questions.length} questions`);
      const correct = b.questions.filter((q, i) => q.correct === body.answers[i]).length;
      const passed = correct === b.questions.length;
      await repo.updateRecipient(tx, ctx.workspaceId, id, ctx.actor.userId, { answers: body.answers, attempts: r.attempts + 1, checkPassedAt: r.checkPassedAt ?? (passed ? now : null) });
      return { passed, correct, total: b.questions.length, brief: await one(tx, ctx, b) };
    });
  }

  /** The workspace's readiness threshold. */
  function settings(ctx: RequestContext) {
    return db.inWorkspace(ctx.workspaceId, async (tx) => ({ readinessThreshold: await repo.threshold(tx, ctx.workspaceId) }));
  }

  /** Sets the readiness threshold (managers and admins). */
  async function updateSettings(ctx: RequestContext, body: UpdateEnablementSettingsBody) {
    if (ctx.actor.role !== "admin" && ctx.actor.role !== "manager") throw new AppError("forbidden", `Your role (${ctx.actor.role}) may not change the readiness threshold`);
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      await repo.setThreshold(tx, ctx.workspaceId, body.readinessThreshold, now);
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "enablement.settings_updated", entity: "workspace", entityId: ctx.workspaceId, changes: { ...body } }, ctx.requestId);
      return { readinessThreshold: body.readinessThreshold };
    });
  }

  /**
   * The launch check (a scheduled tick): a brief whose campaign started (its start date reached in the workspace
   * zone, or the campaign marked active) is checked once; readiness below the threshold flags it and notifies the
   * managers and the campaign's owner. A draft at launch counts everyone in scope as not ready.
   */
  async function checkLaunches(workspaceId: string): Promise<number> {
    const now = clock.now();
    return db.inWorkspace(workspaceId, async (tx) => {
      const today = await workspaceToday(tx, workspaceId, now);
      const threshold = await repo.threshold(tx, workspaceId);
      let flagged = 0;
      for (const b of await repo.unchecked(tx, workspaceId)) {
        const campaign = await campaigns.campaignRef(tx, workspaceId, b.campaignId);
        const startsOn = b.startsOn ?? campaign?.startsOn ?? null;
        const launched = campaign?.status === "active" || campaign?.status === "completed" || (startsOn !== null && startsOn <= today);
        if (!campaign || !launched) continue;
        const recipients = await repo.recipients(tx, workspaceId, [b.id]);
        const inScope = b.status === "published" ? recipients.length : (await repo.membersInScope(tx, workspaceId, b.scopeTeamId, b.scopeMemberIds)).length;
        const ready = b.status === "published" ? readinessOf(recipients, threshold).ready : 0;
        const share = inScope ? ready / inScope : 0;
        const below = inScope === 0 || isBelowThreshold(ready, inScope, threshold);
        await repo.update(tx, workspaceId, b.id, { launchCheckedAt: now, readinessAtLaunch: share, flaggedAt: below ? now : null });
        if (!below) continue;
        flagged++;
        const msg = { kind: "brief.readiness_low" as const, title: `Low sales readiness at launch: ${campaign.name}`, body: `${ready} of ${inScope} reps ready (${Math.round(share * 100)} %, threshold ${Math.round(threshold * 100)} %).`, link: `/campaigns/${campaign.id}`, entity: "campaign", entityId: campaign.id };
        const managers = await notifications.notifyRolesIn(tx, workspaceId, ["manager"], msg);
        if (campaign.ownerId && !managers.includes(campaign.ownerId)) await notifications.notifyIn(tx, workspaceId, [campaign.ownerId], msg);
        await recordAudit(tx, workspaceId, null, now, { action: "brief.flagged_at_launch", entity: "campaign_brief", entityId: b.id, changes: { ready, inScope, threshold } });
      }
      return flagged;
    });
  }

  return { listBriefs, getBrief, campaignBrief, createBrief, updateBrief, deleteBrief, publishBrief, acknowledge, answerCheck, settings, updateSettings, checkLaunches };
}

export type BriefsService = ReturnType<typeof createBriefsService>;
