import type { Database, Tx } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import type { RequestContext } from "../../platform/actor.js";
import { diffFields, recordAudit } from "../../platform/audit.js";
import { newId } from "../../platform/ids.js";
import { AppError, invalidField, notFound } from "../../../shared/errors.js";
import { monthsBetween, statementFor, whatIfFor, type CompPlanRule } from "../../../shared/domain/commission.js";
import type { CompPlan, CompStatement, CreateCompPlanBody, SetCompPlanRepsBody, UpdateCompPlanBody, WhatIf, WhatIfQuery } from "../../../shared/contracts/team.js";
import { CreateCompPlanBodySchema } from "../../../shared/contracts/team.js";
import { sdrCompFacts, workspaceZone } from "../../reports/sdr-comp-facts.report.js";
import type { CompPlanRow, CompRepository } from "./comp.repository.js";
import { canSeeAllStatements, requireCompManager } from "./team.policy.js";

type Deps = { db: Database; repo: CompRepository; clock: Clock };

/** The rule a plan row pays by. */
export function planRule(p: Pick<CompPlanRow, "kind" | "amountPerMeeting" | "ratePercent" | "clawbackDays">): CompPlanRule {
  return p.kind === "per_meeting" ? { kind: "per_meeting", amountPerMeeting: p.amountPerMeeting ?? 0 } : { kind: "revenue_share", ratePercent: p.ratePercent ?? 0, clawbackDays: p.clawbackDays ?? 0 };
}

/** Commission plans, monthly statements (drafts computed, finals stored) and the what-if of two plans on real history. */
export function createCompService({ db, repo, clock }: Deps) {
  async function present(tx: Tx, workspaceId: string, rows: CompPlanRow[]): Promise<CompPlan[]> {
    const reps = await repo.assignments(tx, workspaceId);
    return rows.map(({ workspaceId: _w, ...p }) => ({ ...p, reps: reps.filter((r) => r.planId === p.id).map((r) => ({ userId: r.userId, name: r.name })) }));
  }

  async function planOr404(tx: Tx, workspaceId: string, id: string, lock = false) {
    const p = await repo.findPlan(tx, workspaceId, id, lock);
    if (!p) throw notFound("Commission plan");
    return p;
  }

  /** Every plan with its reps. */
  function listPlans(ctx: RequestContext) {
    return db.inWorkspace(ctx.workspaceId, async (tx) => ({ items: await present(tx, ctx.workspaceId, await repo.listPlans(tx, ctx.workspaceId)) }));
  }

  /** Creates a plan (admins and managers). */
  async function createPlan(ctx: RequestContext, body: CreateCompPlanBody) {
    requireCompManager(ctx.actor);
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      if (await repo.nameTaken(tx, ctx.workspaceId, body.name, null)) throw new AppError("conflict", `A plan named "${body.name}" exists already`);
      const p = await repo.insertPlan(tx, { ...normalise(body), workspaceId: ctx.workspaceId, id: newId(), createdAt: now, updatedAt: now });
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "comp_plan.created", entity: "comp_plan", entityId: p.id, changes: body }, ctx.requestId);
      return (await present(tx, ctx.workspaceId, [p]))[0]!;
    });
  }

  // Only the fields of the plan's kind are kept, so a plan never carries a stale rate or amount.
  function normalise(b: Pick<CreateCompPlanBody, "name" | "kind" | "amountPerMeeting" | "ratePercent" | "clawbackDays">) {
    return b.kind === "per_meeting"
      ? { name: b.name, kind: b.kind, amountPerMeeting: b.amountPerMeeting ?? null, ratePercent: null, clawbackDays: null }
      : { name: b.name, kind: b.kind, amountPerMeeting: null, ratePercent: b.ratePercent ?? null, clawbackDays: b.clawbackDays ?? null };
  }

  /** Changes a plan; the result must still be a complete plan of its kind. */
  async function updatePlan(ctx: RequestContext, id: string, body: UpdateCompPlanBody) {
    requireCompManager(ctx.actor);
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const before = await planOr404(tx, ctx.workspaceId, id, true);
      const merged = { ...before, ...body };
      const check = CreateCompPlanBodySchema.safeParse(merged);
      if (!check.success) {
        const issue = check.error.issues[0]!;
        throw invalidField(`body.${issue.path.join(".")}`, issue.message);
      }
      if (body.name && (await repo.nameTaken(tx, ctx.workspaceId, body.name, id))) throw new AppError("conflict", `A plan named "${body.name}" exists already`);
      const p = await repo.updatePlan(tx, ctx.workspaceId, id, { ...normalise(check.data), updatedAt: now });
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "comp_plan.updated", entity: "comp_plan", entityId: id, changes: diffFields(before, body) }, ctx.requestId);
      return (await present(tx, ctx.workspaceId, [p]))[0]!;
    });
  }

  /** Deletes a plan; its reps are left without one (finalised statements keep the plan's name). */
  async function deletePlan(ctx: RequestContext, id: string) {
    requireCompManager(ctx.actor);
    const now = clock.now();
    await db.inWorkspace(ctx.workspaceId, async (tx) => {
      const p = await planOr404(tx, ctx.workspaceId, id, true);
      await repo.deletePlan(tx, ctx.workspaceId, id);
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "comp_plan.deleted", entity: "comp_plan", entityId: id, changes: { name: p.name } }, ctx.requestId);
    });
  }

  /** Puts exactly these reps on the plan (SDRs or account executives of the workspace). */
  async function setReps(ctx: RequestContext, id: string, body: SetCompPlanRepsBody) {
    requireCompManager(ctx.actor);
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const p = await planOr404(tx, ctx.workspaceId, id, true);
      const ids = [...new Set(body.userIds)];
      const found = await repo.members(tx, ctx.workspaceId, ids);
      ids.forEach((u, i) => {
        const m = found.find((f) => f.userId === u);
        if (!m) throw invalidField(`body.userIds.${i}`, "is not a member of this workspace");
        if (m.role !== "sdr" && m.role !== "sales") throw invalidField(`body.userIds.${i}`, "is not an SDR or account executive");
      });
      await repo.setReps(tx, ctx.workspaceId, id, ids, now);
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "comp_plan.reps_set", entity: "comp_plan", entityId: id, changes: { userIds: ids } }, ctx.requestId);
      return (await present(tx, ctx.workspaceId, [p]))[0]!;
    });
  }

  // Drafts for reps on a plan, computed from the month's facts; finalised months come from the store instead.
  async function statementsIn(tx: Tx, workspaceId: string, month: string, onlyUser?: string): Promise<CompStatement[]> {
    const plans = await repo.listPlans(tx, workspaceId);
    const assigned = (await repo.assignments(tx, workspaceId)).filter((a) => !onlyUser || a.userId === onlyUser);
    const finals = await repo.statements(tx, workspaceId, month, onlyUser);
    const names = new Map((await repo.members(tx, workspaceId, [...new Set([...assigned.map((a) => a.userId), ...finals.map((f) => f.userId)])])).map((m) => [m.userId, m.name]));
    const timezone = await workspaceZone(tx, workspaceId);
    const facts = await sdrCompFacts(tx, workspaceId, { from: month, to: month, timezone }, assigned.map((a) => a.userId));
    const out: CompStatement[] = finals.map((f) => ({ userId: f.userId, userName: names.get(f.userId) ?? "", month, status: "final", planId: f.planId, planName: f.planName, planKind: f.planKind, lines: f.lines, total: f.total, finalisedAt: f.finalisedAt }));
    for (const a of assigned) {
      if (finals.some((f) => f.userId === a.userId)) continue;
      const plan = plans.find((p) => p.id === a.planId)!;
      const s = statementFor(planRule(plan), month, facts.get(a.userId)!);
      out.push({ userId: a.userId, userName: a.name, month, status: "draft", planId: plan.id, planName: plan.name, planKind: plan.kind, lines: s.lines, total: s.total, finalisedAt: null });
    }
    return out.sort((x, y) => x.userName.localeCompare(y.userName));
  }

  /** A month's statements: every rep's for admins and managers, one's own for everyone else. */
  function listStatements(ctx: RequestContext, month: string, userId?: string) {
    const only = canSeeAllStatements(ctx.actor) ? userId : ctx.actor.userId;
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      if (userId && (await repo.members(tx, ctx.workspaceId, [userId])).length === 0) throw notFound("Rep");
      if (userId && only !== userId) throw new AppError("forbidden", "You may see your own commission statements only");
      return { month, items: await statementsIn(tx, ctx.workspaceId, month, only) };
    });
  }

  /** One rep's statement of a month (404 when the rep is not a member or has neither a plan nor a final statement). */
  function getStatement(ctx: RequestContext, userId: string, month: string) {
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      if ((await repo.members(tx, ctx.workspaceId, [userId])).length === 0) throw notFound("Rep");
      if (!canSeeAllStatements(ctx.actor) && userId !== ctx.actor.userId) throw new AppError("forbidden", "You may see your own commission statements only");
      const [s] = await statementsIn(tx, ctx.workspaceId, month, userId);
      if (!s) throw notFound("Statement (the rep is on no commission plan)");
      return s;
    });
  }

  /** Freezes a rep's statement of a month that is over; a finalised month is never recomputed. */
  async function finaliseStatement(ctx: RequestContext, userId: string, month: string) {
    requireCompManager(ctx.actor);
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      if ((await repo.members(tx, ctx.workspaceId, [userId])).length === 0) throw notFound("Rep");
      const [s] = await statementsIn(tx, ctx.workspaceId, month, userId);
      if (!s) throw notFound("Statement (the rep is on no commission plan)");
      if (s.status === "final") throw new AppError("conflict", `The statement of ${month} is final already`);
      const timezone = await workspaceZone(tx, ctx.workspaceId);
      const current = new Intl.DateTimeFormat("en-CA", { timeZone: timezone, year: "numeric", month: "2-digit" }).format(now).slice(0, 7);
      if (month >= current) throw new AppError("conflict", `${month} is not over yet: statements are finalised after the month ends`);
      const stored = await repo.insertStatement(tx, { workspaceId: ctx.workspaceId, id: newId(), userId, month, planId: s.planId, planName: s.planName, planKind: s.planKind, lines: s.lines, total: s.total, finalisedAt: now, finalisedBy: ctx.actor.userId });
      if (!stored) throw new AppError("conflict", `The statement of ${month} is final already`);
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "comp_statement.finalised", entity: "comp_statement", entityId: userId, changes: { month, total: s.total } }, ctx.requestId);
      return { ...s, status: "final" as const, finalisedAt: now };
    });
  }

  /** Both plans on the workspace's real history, per SDR and month (admins and managers). */
  async function whatIf(ctx: RequestContext, q: WhatIfQuery): Promise<WhatIf> {
    requireCompManager(ctx.actor);
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const a = await planOr404(tx, ctx.workspaceId, q.planA);
      const b = await planOr404(tx, ctx.workspaceId, q.planB);
      const sdrs = (await repo.members(tx, ctx.workspaceId)).filter((m) => m.role === "sdr");
      const timezone = await workspaceZone(tx, ctx.workspaceId);
      const facts = await sdrCompFacts(tx, ctx.workspaceId, { from: q.from, to: q.to, timezone }, sdrs.map((s) => s.userId));
      const months = monthsBetween(q.from, q.to);
      const sum = (xs: number[]) => Math.round(xs.reduce((s, x) => s + x * 100, 0)) / 100;
      const reps = sdrs.map((s) => {
        const f = facts.get(s.userId)!;
        const rows = whatIfFor(planRule(a), planRule(b), months, f);
        const inRange = f.wins.filter((w) => w.wonMonth >= q.from && w.wonMonth <= q.to);
        return {
          userId: s.userId,
          name: s.name,
          acceptedMeetings: f.meetings.length,
          sourcedWins: inRange.length,
          sourcedRevenue: inRange.reduce((t, w) => t + w.amount, 0),
          churned: f.wins.filter((w) => w.churnMonth && w.churnMonth >= q.from && w.churnMonth <= q.to && w.churnedAt).length,
          totalA: sum(rows.map((r) => r.a)),
          totalB: sum(rows.map((r) => r.b)),
          months: rows,
        };
      });
      const ref = (p: CompPlanRow) => ({ id: p.id, name: p.name, kind: p.kind });
      return { planA: ref(a), planB: ref(b), months, reps };
    });
  }

  return { listPlans, createPlan, updatePlan, deletePlan, setReps, listStatements, getStatement, finaliseStatement, whatIf };
}

export type CompService = ReturnType<typeof createCompService>;
