import type { Database, Tx } from "../../db/client.js";
import type { RequestContext } from "../../platform/actor.js";
import type { Clock } from "../../platform/clock.js";
import { recordAudit } from "../../platform/audit.js";
import { newId } from "../../platform/ids.js";
import { AppError, invalidField, notFound } from "../../../shared/errors.js";
import {
  DEFAULT_TERMS,
  SLA_KINDS,
  SLA_KIND_LABELS,
  SLA_SIDE,
  TERMS_SCHEMAS,
  type CreateSlaPolicyBody,
  type MqlTargetTerms,
  type RecycleTerms,
  type SlaKind,
  type TimerTerms,
  type UpdateSlaPolicyBody,
} from "../../../shared/contracts/sla.js";
import type { PolicyRow, SlaRepository } from "./sla.repository.js";
import { requireSlaAdmin } from "./sla.policy.js";

type Deps = { db: Database; repo: SlaRepository; clock: Clock };

type TermsOf = { accept: TimerTerms; first_touch: TimerTerms; recycle_attempts: RecycleTerms; mql_target: MqlTargetTerms };

/** A policy with its terms typed by kind. */
export type TypedPolicy<K extends SlaKind> = PolicyRow & { kind: K; terms: TermsOf[K] };

/** Parses terms for a kind, naming the first bad field under `prefix`. */
function parseTerms<K extends SlaKind>(kind: K, terms: unknown, prefix: string): TermsOf[K] {
  const parsed = TERMS_SCHEMAS[kind].safeParse(terms);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw invalidField([prefix, ...issue.path.map(String)].join("."), issue.message);
  }
  return parsed.data as TermsOf[K];
}

const view = (row: PolicyRow, teamName: string | null) => ({ ...row, side: SLA_SIDE[row.kind], teamName });

/** SLA policies of both sides (DESIGN §6.4): defaults on workspace creation, admins change them. */
export function createPoliciesService({ db, repo, clock }: Deps) {
  /** Writes the default policies of a new workspace. */
  async function seedDefaults(tx: Tx, workspaceId: string, at: Date): Promise<void> {
    await repo.insertPolicies(
      tx,
      SLA_KINDS.map((kind) => ({ workspaceId, id: newId(), kind, name: SLA_KIND_LABELS[kind], teamId: null, terms: DEFAULT_TERMS[kind], enabled: true, createdAt: at, updatedAt: at })),
    );
  }

  /** The enabled policy of a kind for a team: the team's own, else the workspace-wide one; null when none. */
  async function policyFor<K extends SlaKind>(tx: Tx, workspaceId: string, kind: K, teamId: string | null): Promise<TypedPolicy<K> | null> {
    const rows = await repo.enabledPolicies(tx, workspaceId, kind);
    const row = (teamId ? rows.find((r) => r.teamId === teamId) : undefined) ?? rows.find((r) => r.teamId === null);
    if (!row) return null;
    return { ...row, kind, terms: parseTerms(kind, row.terms, "terms") } as TypedPolicy<K>;
  }

  /** Every enabled policy of a kind with typed terms. */
  async function enabledOfKind<K extends SlaKind>(tx: Tx, workspaceId: string, kind: K): Promise<TypedPolicy<K>[]> {
    const rows = await repo.enabledPolicies(tx, workspaceId, kind);
    return rows.map((row) => ({ ...row, kind, terms: parseTerms(kind, row.terms, "terms") }) as TypedPolicy<K>);
  }

  /** Every policy with its side and team name. */
  function listPolicies(ctx: RequestContext) {
    return db.inWorkspace(ctx.workspaceId, async (tx) => (await repo.listPolicies(tx, ctx.workspaceId)).map((r) => view(r.policy, r.teamName)));
  }

  async function assertTeam(tx: Tx, workspaceId: string, teamId: string | null | undefined) {
    if (teamId && !(await repo.teamExists(tx, workspaceId, teamId))) throw invalidField("body.teamId", "no such team in this workspace");
  }

  async function findView(tx: Tx, workspaceId: string, id: string) {
    const row = (await repo.listPolicies(tx, workspaceId)).find((r) => r.policy.id === id);
    return view(row!.policy, row!.teamName);
  }

  /** Adds a policy (e.g. a team's own accept time, or a marketing target for a segment). */
  function createPolicy(ctx: RequestContext, body: CreateSlaPolicyBody) {
    requireSlaAdmin(ctx.actor);
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      await assertTeam(tx, ctx.workspaceId, body.teamId);
      if (body.kind !== "mql_target" && (body.enabled ?? true)) {
        const clash = (await repo.enabledPolicies(tx, ctx.workspaceId, body.kind)).find((p) => p.teamId === (body.teamId ?? null));
        if (clash) throw new AppError("conflict", `"${clash.name}" already sets this for ${body.teamId ? "that team" : "the workspace"}; change it instead`, [{ path: "body.teamId", message: "already has an enabled policy of this kind" }]);
      }
      const [row] = await repo.insertPolicies(tx, [
        { workspaceId: ctx.workspaceId, id: newId(), kind: body.kind, name: body.name ?? SLA_KIND_LABELS[body.kind], teamId: body.teamId ?? null, terms: body.terms, enabled: body.enabled ?? true, createdAt: now, updatedAt: now },
      ]);
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "sla_policy.created", entity: "sla_policy", entityId: row!.id, changes: { kind: body.kind, teamId: body.teamId ?? null, terms: body.terms } }, ctx.requestId);
      return findView(tx, ctx.workspaceId, row!.id);
    });
  }

  /** Changes a policy's name, terms or enabled flag; disabling stops its running timers. */
  function updatePolicy(ctx: RequestContext, id: string, body: UpdateSlaPolicyBody) {
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const row = await repo.findPolicy(tx, ctx.workspaceId, id, true);
      if (!row) throw notFound("SLA policy");
      requireSlaAdmin(ctx.actor);
      const patch: Partial<PolicyRow> = { updatedAt: now };
      if (body.name !== undefined) patch.name = body.name;
      if (body.terms !== undefined) patch.terms = parseTerms(row.kind, body.terms, "body.terms");
      if (body.enabled !== undefined) patch.enabled = body.enabled;
      if (body.enabled === true && !row.enabled && row.kind !== "mql_target") {
        const clash = (await repo.enabledPolicies(tx, ctx.workspaceId, row.kind)).find((p) => p.teamId === row.teamId && p.id !== id);
        if (clash) throw new AppError("conflict", `"${clash.name}" is already enabled for the same scope`, [{ path: "body.enabled", message: "another policy of this kind is enabled for the same scope" }]);
      }
      await repo.updatePolicy(tx, ctx.workspaceId, id, patch);
      const stopped = body.enabled === false && row.enabled ? await repo.cancelPolicyTimers(tx, ctx.workspaceId, id, "policy disabled") : 0;
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "sla_policy.updated", entity: "sla_policy", entityId: id, changes: { ...body, timersStopped: stopped } }, ctx.requestId);
      return findView(tx, ctx.workspaceId, id);
    });
  }

  /** Deletes a policy and its timers' history. */
  function deletePolicy(ctx: RequestContext, id: string) {
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const row = await repo.findPolicy(tx, ctx.workspaceId, id, true);
      if (!row) throw notFound("SLA policy");
      requireSlaAdmin(ctx.actor);
      await repo.deletePolicy(tx, ctx.workspaceId, id);
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "sla_policy.deleted", entity: "sla_policy", entityId: id, changes: { kind: row.kind, name: row.name } }, ctx.requestId);
    });
  }

  return { seedDefaults, policyFor, enabledOfKind, listPolicies, createPolicy, updatePolicy, deletePolicy };
}

export type PoliciesService = ReturnType<typeof createPoliciesService>;
