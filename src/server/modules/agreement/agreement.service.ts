import type { Database, Tx } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import type { RequestContext } from "../../platform/actor.js";
import { recordAudit } from "../../platform/audit.js";
import { newId } from "../../platform/ids.js";
import { AppError, notFound } from "../../../shared/errors.js";
import type { ApproveDefinitionBody, CreateDefinitionBody, DefinitionBody } from "../../../shared/contracts/agreement.js";
import { STARTER_DEFINITION, diffDefinitions } from "../../../shared/domain/definition-diff.js";
import type { AgreementRepository, DefinitionRow } from "./agreement.repository.js";
import type { JobsService } from "../jobs/index.js";
import type { NotificationsService } from "../notifications/index.js";
import { requireApprover, requireDefinitionAuthor } from "./agreement.policy.js";

export type AgreementJobs = Pick<JobsService, "enqueueIn" | "announce">;
export type AgreementNotifications = Pick<NotificationsService, "notifyIn" | "notifyRolesIn">;

type Deps = {
  db: Database;
  repo: AgreementRepository;
  clock: Clock;
  /** Activation queues a full re-score in the activating transaction. */
  jobs: AgreementJobs;
  notifications: AgreementNotifications;
};

// Who hears about each step: the side that has to act next, and everyone once the agreement changes.
const MARKETING_SIDE = ["marketing", "manager"] as const;
const SALES_SIDE = ["sales", "manager"] as const;
const EVERYONE = ["admin", "manager", "marketing", "sales", "sdr"] as const;

/** The rules of a stored version, as a body a new draft can start from. */
export const bodyOf = (d: DefinitionRow): DefinitionBody => ({
  fitRules: d.fitRules,
  gradeThresholds: d.gradeThresholds,
  engagementRules: d.engagementRules,
  halfLifeDays: d.halfLifeDays,
  mqlRule: d.mqlRule,
  notes: d.notes ?? undefined,
});

const NO_APPROVALS = { marketingApprovedBy: null, marketingApprovedAt: null, salesApprovedBy: null, salesApprovedAt: null };

/** The two-party lead agreement: draft → proposed → active → superseded, with approvals from both sides. */
export function createAgreementService({ db, repo, clock, jobs, notifications }: Deps) {
  async function load(ctx: RequestContext, id: string, tx: Tx) {
    const d = await repo.findById(tx, ctx.workspaceId, id, true);
    if (!d) throw notFound("Lead definition");
    return d;
  }

  /** Every version, newest first. */
  function listDefinitions(ctx: RequestContext) {
    return db.inWorkspace(ctx.workspaceId, (tx) => repo.list(tx, ctx.workspaceId));
  }

  /** One version. */
  function getDefinition(ctx: RequestContext, id: string) {
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const d = await repo.findById(tx, ctx.workspaceId, id);
      if (!d) throw notFound("Lead definition");
      return d;
    });
  }

  const link = (d: DefinitionRow) => `/agreement/${d.id}`;
  const about = (d: DefinitionRow) => ({ link: link(d), entity: "lead_definition", entityId: d.id });

  /** Every version inside the caller's transaction, newest first. */
  function listDefinitionsIn(tx: Tx, workspaceId: string) {
    return repo.list(tx, workspaceId);
  }

  /** One version inside the caller's transaction, or null. */
  function findDefinitionIn(tx: Tx, workspaceId: string, id: string) {
    return repo.findById(tx, workspaceId, id);
  }

  /** The active version inside the caller's transaction, or null while the sides have not agreed on one. */
  function getActiveDefinitionIn(tx: Tx, workspaceId: string) {
    return repo.findActive(tx, workspaceId);
  }

  /** Starts a draft from given rules, the active version, or the starter rules. */
  async function createDraft(ctx: RequestContext, body: CreateDefinitionBody) {
    requireDefinitionAuthor(ctx.actor);
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      await repo.lockWorkspaceDefinitions(tx, ctx.workspaceId);
      const active = await repo.findActive(tx, ctx.workspaceId);
      const content = body.definition ?? (body.basedOn !== "starter" && active ? bodyOf(active) : STARTER_DEFINITION);
      const version = await repo.nextVersion(tx, ctx.workspaceId);
      const d = await repo.insert(tx, { ...content, notes: content.notes ?? null, workspaceId: ctx.workspaceId, id: newId(), version, status: "draft", createdBy: ctx.actor.userId, createdAt: now, updatedAt: now });
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "lead_definition.drafted", entity: "lead_definition", entityId: d.id, changes: { version } }, ctx.requestId);
      return d;
    });
  }

  /** Replaces a draft's or proposal's rules; editing a proposal resets both approvals. */
  async function updateDefinition(ctx: RequestContext, id: string, body: DefinitionBody) {
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const d = await load(ctx, id, tx);
      requireDefinitionAuthor(ctx.actor);
      if (d.status !== "draft" && d.status !== "proposed") throw new AppError("conflict", `Version ${d.version} is ${d.status}; draft a new version to change the agreement`);
      const changes = diffDefinitions(bodyOf(d), body);
      const updated = await repo.update(tx, ctx.workspaceId, id, { ...body, notes: body.notes ?? null, ...NO_APPROVALS, updatedAt: now });
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "lead_definition.edited", entity: "lead_definition", entityId: id, changes: { version: d.version, diff: changes.map((c) => c.text), approvalsReset: d.status === "proposed" } }, ctx.requestId);
      const hadApproved = [d.marketingApprovedBy, d.salesApprovedBy].filter((u): u is string => u !== null);
      if (hadApproved.length > 0) {
        await notifications.notifyIn(tx, ctx.workspaceId, hadApproved, { kind: "lead_definition.approvals_reset", title: `Version ${d.version} of the lead agreement was edited — please review and approve again`, body: changes.map((c) => c.text).join("\n") || null, ...about(d) }, ctx.actor.userId);
      }
      return updated;
    });
  }

  /** Puts a draft up for both sides' approval. */
  async function propose(ctx: RequestContext, id: string) {
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const d = await load(ctx, id, tx);
      requireDefinitionAuthor(ctx.actor);
      if (d.status !== "draft") throw new AppError("conflict", `Version ${d.version} is ${d.status}, not a draft`);
      const updated = await repo.update(tx, ctx.workspaceId, id, { status: "proposed", proposedBy: ctx.actor.userId, proposedAt: now, ...NO_APPROVALS, updatedAt: now });
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "lead_definition.proposed", entity: "lead_definition", entityId: id, changes: { version: d.version } }, ctx.requestId);
      await notifications.notifyRolesIn(tx, ctx.workspaceId, [...MARKETING_SIDE, ...SALES_SIDE], { kind: "lead_definition.proposed", title: `${ctx.actor.name} proposed version ${d.version} of the lead agreement for approval`, ...about(d) }, ctx.actor.userId);
      return updated;
    });
  }

  /** Approves a proposal for one side; when both sides (two different people) have approved, it becomes active. */
  async function approve(ctx: RequestContext, id: string, body: ApproveDefinitionBody) {
    const now = clock.now();
    const result = await db.inWorkspace(ctx.workspaceId, async (tx) => {
      await repo.lockWorkspaceDefinitions(tx, ctx.workspaceId);
      const d = await load(ctx, id, tx);
      requireApprover(ctx.actor, body.side);
      if (d.status !== "proposed") throw new AppError("conflict", `Version ${d.version} is ${d.status}; only a proposed version can be approved`);
      const otherApprover = body.side === "marketing" ? d.salesApprovedBy : d.marketingApprovedBy;
      if (otherApprover === ctx.actor.userId) throw new AppError("conflict", "The two approvals must come from two different people");
      const patch = body.side === "marketing" ? { marketingApprovedBy: ctx.actor.userId, marketingApprovedAt: now } : { salesApprovedBy: ctx.actor.userId, salesApprovedAt: now };
      let updated = await repo.update(tx, ctx.workspaceId, id, { ...patch, updatedAt: now });
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "lead_definition.approved", entity: "lead_definition", entityId: id, changes: { version: d.version, side: body.side } }, ctx.requestId);
      let rescore: Awaited<ReturnType<AgreementJobs["enqueueIn"]>> | null = null;
      if (!(updated.marketingApprovedBy && updated.salesApprovedBy)) {
        const otherSide = body.side === "marketing" ? SALES_SIDE : MARKETING_SIDE;
        await notifications.notifyRolesIn(tx, ctx.workspaceId, otherSide, { kind: "lead_definition.approved", title: `${ctx.actor.name} approved version ${d.version} for ${body.side}; it needs the ${body.side === "marketing" ? "sales" : "marketing"} side's approval`, ...about(d) }, ctx.actor.userId);
      } else {
        const previous = await repo.findActive(tx, ctx.workspaceId);
        if (previous) await repo.update(tx, ctx.workspaceId, previous.id, { status: "superseded", supersededAt: now, updatedAt: now });
        updated = await repo.update(tx, ctx.workspaceId, id, { status: "active", activatedAt: now, updatedAt: now });
        rescore = await jobs.enqueueIn(tx, ctx.workspaceId, { kind: "rescore", subjectId: id, params: { version: d.version }, requestedBy: ctx.actor.userId });
        await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "lead_definition.activated", entity: "lead_definition", entityId: id, changes: { version: d.version, supersedes: previous?.version ?? null, rescoreJobId: rescore.id } }, ctx.requestId);
        await notifications.notifyRolesIn(tx, ctx.workspaceId, EVERYONE, { kind: "lead_definition.activated", title: `Version ${d.version} of the lead agreement is now active${previous ? ` (replaces version ${previous.version})` : ""}`, body: "Both sides approved it; every contact is being re-scored under it.", ...about(d) }, ctx.actor.userId);
      }
      return { updated, rescore };
    });
    if (result.rescore) await jobs.announce(result.rescore);
    return result.updated;
  }

  /** Deletes a draft that was never proposed. */
  async function deleteDraft(ctx: RequestContext, id: string) {
    const now = clock.now();
    await db.inWorkspace(ctx.workspaceId, async (tx) => {
      const d = await load(ctx, id, tx);
      requireDefinitionAuthor(ctx.actor);
      if (d.status !== "draft") throw new AppError("conflict", `Version ${d.version} is ${d.status}; only drafts can be deleted`);
      await repo.delete(tx, ctx.workspaceId, id);
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "lead_definition.deleted", entity: "lead_definition", entityId: id, changes: { version: d.version } }, ctx.requestId);
    });
  }

  /** A readable diff of a version against another (default: the active one, or nothing). */
  function diff(ctx: RequestContext, id: string, againstId?: string) {
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const to = await repo.findById(tx, ctx.workspaceId, id);
      if (!to) throw notFound("Lead definition");
      const from = againstId ? await repo.findById(tx, ctx.workspaceId, againstId) : await repo.findActive(tx, ctx.workspaceId);
      if (againstId && !from) throw notFound("Lead definition");
      const base = from && from.id !== to.id ? from : null;
      return {
        from: base ? { id: base.id, version: base.version } : null,
        to: { id: to.id, version: to.version },
        // Against nothing, every rule is new and the settings are what they are.
        lines: diffDefinitions(base ? bodyOf(base) : { ...bodyOf(to), fitRules: [], engagementRules: [] }, bodyOf(to)),
      };
    });
  }

  return { listDefinitions, listDefinitionsIn, getDefinition, findDefinitionIn, getActiveDefinitionIn, createDraft, updateDefinition, propose, approve, deleteDraft, diff };
}

export type AgreementService = ReturnType<typeof createAgreementService>;
