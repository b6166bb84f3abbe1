import type { Database, Tx } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import type { RequestContext } from "../../platform/actor.js";
import { diffFields, recordAudit } from "../../platform/audit.js";
import { newId } from "../../platform/ids.js";
import { AppError, invalidField, notFound } from "../../../shared/errors.js";
import { canOwnLeads } from "../../../shared/domain/routing.js";
import { MAX_ROUTING_RULES, ruleKindIssue, type CreateRoutingRuleBody, type ReorderRoutingRulesBody, type UpdateRoutingRuleBody } from "../../../shared/contracts/routing.js";
import type { RoutingRepository, RoutingRuleRow } from "./routing.repository.js";
import { requireMembers } from "./routing-members.js";
import { requireRoutingManager } from "./routing.policy.js";

type Deps = { db: Database; repo: RoutingRepository; clock: Clock };
type RuleFields = Pick<RoutingRuleRow, "kind" | "name" | "conditions" | "assigneeId" | "teamId" | "capacity" | "enabled">;

/** Keeps only the fields the rule's kind uses, so a rule never carries a stale assignee or team. */
function normalise(r: RuleFields): RuleFields {
  return {
    ...r,
    assigneeId: r.kind === "territory" ? r.assigneeId : null,
    teamId: r.kind === "round_robin" ? r.teamId : null,
    capacity: r.kind === "round_robin" ? r.capacity : null,
  };
}

/** Ordered routing rules: list, create, change, delete, reorder. */
export function createRoutingRulesService({ db, repo, clock }: Deps) {
  async function checkReferences(tx: Tx, workspaceId: string, r: RuleFields) {
    const issue = ruleKindIssue(r.kind, r);
    if (issue) throw invalidField(`body.${issue.path}`, issue.message);
    if (r.assigneeId) await requireMembers(repo, tx, workspaceId, [{ path: "body.assigneeId", userId: r.assigneeId }], { test: canOwnLeads, message: "is in marketing and cannot own leads" });
    if (r.teamId && !(await repo.teamExists(tx, workspaceId, r.teamId))) throw invalidField("body.teamId", "no such team in this workspace");
  }

  async function getRule(tx: Tx, workspaceId: string, id: string) {
    const rule = await repo.findRule(tx, workspaceId, id);
    if (!rule) throw notFound("Routing rule");
    return rule;
  }

  /** The rules in evaluation order. */
  function listRules(ctx: RequestContext) {
    return db.inWorkspace(ctx.workspaceId, (tx) => repo.listRules(tx, ctx.workspaceId));
  }

  /** Adds a rule at the end of the order. */
  async function createRule(ctx: RequestContext, body: CreateRoutingRuleBody) {
    requireRoutingManager(ctx.actor);
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const fields = normalise({ kind: body.kind, name: body.name, conditions: body.conditions, assigneeId: body.assigneeId ?? null, teamId: body.teamId ?? null, capacity: body.capacity ?? null, enabled: body.enabled });
      await checkReferences(tx, ctx.workspaceId, fields);
      if ((await repo.listRules(tx, ctx.workspaceId)).length >= MAX_ROUTING_RULES) throw new AppError("conflict", `A workspace has at most ${MAX_ROUTING_RULES} routing rules`);
      const id = newId();
      const position = await repo.nextPosition(tx, ctx.workspaceId);
      await repo.insertRule(tx, { ...fields, workspaceId: ctx.workspaceId, id, position, createdAt: now, updatedAt: now });
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "routing_rule.created", entity: "routing_rule", entityId: id, changes: { ...fields, position } }, ctx.requestId);
      return getRule(tx, ctx.workspaceId, id);
    });
  }

  /** Changes a rule; the result must still be complete for its kind. */
  async function updateRule(ctx: RequestContext, id: string, body: UpdateRoutingRuleBody) {
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const before = await repo.findRule(tx, ctx.workspaceId, id, true);
      if (!before) throw notFound("Routing rule");
      requireRoutingManager(ctx.actor);
      const defined = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) as Partial<RuleFields>;
      const fields = normalise({ kind: before.kind, name: before.name, conditions: before.conditions, assigneeId: before.assigneeId, teamId: before.teamId, capacity: before.capacity, enabled: before.enabled, ...defined });
      await checkReferences(tx, ctx.workspaceId, fields);
      await repo.updateRule(tx, ctx.workspaceId, id, { ...fields, updatedAt: now });
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "routing_rule.updated", entity: "routing_rule", entityId: id, changes: diffFields(before, fields) }, ctx.requestId);
      return getRule(tx, ctx.workspaceId, id);
    });
  }

  /** Deletes a rule; earlier handoffs keep its id and kind. */
  async function deleteRule(ctx: RequestContext, id: string) {
    const now = clock.now();
    await db.inWorkspace(ctx.workspaceId, async (tx) => {
      const rule = await repo.findRule(tx, ctx.workspaceId, id, true);
      if (!rule) throw notFound("Routing rule");
      requireRoutingManager(ctx.actor);
      await repo.deleteRule(tx, ctx.workspaceId, id);
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "routing_rule.deleted", entity: "routing_rule", entityId: id, changes: { name: rule.name, kind: rule.kind } }, ctx.requestId);
    });
  }

  /** Puts the rules in the given order; the list must name every rule exactly once. */
  async function reorderRules(ctx: RequestContext, body: ReorderRoutingRulesBody) {
    requireRoutingManager(ctx.actor);
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const current = await repo.listRules(tx, ctx.workspaceId, true);
      const known = new Set(current.map((r) => r.id));
      const given = new Set(body.ids);
      if (given.size !== body.ids.length) throw invalidField("body.ids", "lists a rule more than once");
      const unknown = body.ids.findIndex((rid) => !known.has(rid));
      if (unknown >= 0) throw invalidField(`body.ids.${unknown}`, "no such routing rule in this workspace");
      if (given.size !== known.size) throw invalidField("body.ids", `must list all ${known.size} rules`);
      await repo.setPositions(tx, ctx.workspaceId, body.ids, now);
      const from = current.map((r) => r.id);
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "routing_rule.reordered", entity: "routing_rule", changes: { order: { from, to: body.ids } } }, ctx.requestId);
      return repo.listRules(tx, ctx.workspaceId);
    });
  }

  return { listRules, createRule, updateRule, deleteRule, reorderRules };
}

export type RoutingRulesService = ReturnType<typeof createRoutingRulesService>;
