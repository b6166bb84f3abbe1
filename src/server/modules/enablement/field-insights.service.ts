import type { Database, Queryable, Tx } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import type { RequestContext } from "../../platform/actor.js";
import { recordAudit } from "../../platform/audit.js";
import { newId } from "../../platform/ids.js";
import { AppError, invalidField, notFound } from "../../../shared/errors.js";
import { canTriage, type InsightKind } from "../../../shared/domain/insights.js";
import type { CreateInsightBody, Insight, ListInsightsQuery, TriageInsightBody } from "../../../shared/contracts/enablement-insights.js";
import type { Page } from "../../../shared/contracts/common.js";
import type { CrmModule, NamesAccess } from "../crm/index.js";
import type { NotificationsService } from "../notifications/index.js";
import type { FieldInsightsRepository, InsightListRow } from "./field-insights.repository.js";
import { requireInsightSubmitter, requireInsightTriager } from "./insights.policy.js";

export type FieldInsightsDeps = {
  db: Database;
  repo: FieldInsightsRepository;
  clock: Clock;
  names: NamesAccess;
  dealRef: CrmModule["dealRef"];
  notifications: Pick<NotificationsService, "notifyIn">;
};

/** The links an insight may carry, as given (body) or resolved (the deal's account filled in). */
export type InsightLinks = { accountId?: string | null; dealId?: string | null; personaId?: string | null; competitorId?: string | null };
type Resolved = { accountId: string | null; dealId: string | null; personaId: string | null; competitorId: string | null };
/** A new insight: its kind, text and links, and where it came from. */
export type NewInsight = { kind: InsightKind; text: string; links: Resolved; rideAlongId: string | null };

const short = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

/**
 * Field insights: the sales side submits what it hears (who is buying, why, pains, criteria, objections,
 * competitor moves) linked to accounts, deals, personas and competitors; every member votes once; marketing
 * triages new → reviewed → actioned and the submitter is told (docs/ENABLEMENT.md, "Field insights").
 */
export function createFieldInsightsService({ db, repo, clock, names, dealRef, notifications }: FieldInsightsDeps) {
  /** Adds account, deal and people names to insight rows. */
  async function present(tx: Queryable, workspaceId: string, rows: InsightListRow[]): Promise<Insight[]> {
    const accounts = await names.accountNames(tx, workspaceId, rows.flatMap((r) => (r.accountId ? [r.accountId] : [])));
    const deals = await names.dealNames(tx, workspaceId, rows.flatMap((r) => (r.dealId ? [r.dealId] : [])));
    const people = await repo.userNames(tx, rows.flatMap((r) => [r.submittedBy, r.reviewedBy, r.actionedBy]));
    const name = (m: Map<string, string>, id: string | null) => (id ? (m.get(id) ?? null) : null);
    return rows.map(({ workspaceId: _w, ...r }) => ({
      ...r,
      accountName: name(accounts, r.accountId),
      dealName: name(deals, r.dealId),
      submittedByName: name(people, r.submittedBy),
      reviewedByName: name(people, r.reviewedBy),
      actionedByName: name(people, r.actionedBy),
    }));
  }

  /** Checks that every link is a record of this workspace (400 naming the field otherwise); a deal brings its account. */
  async function resolveLinks(tx: Queryable, workspaceId: string, l: InsightLinks, prefix = "body"): Promise<Resolved> {
    let accountId = l.accountId ?? null;
    const dealId = l.dealId ?? null;
    if (dealId) {
      const deal = await dealRef(tx, workspaceId, dealId);
      if (!deal) throw invalidField(`${prefix}.dealId`, "no such deal in this workspace");
      if (accountId && deal.accountId && deal.accountId !== accountId) throw invalidField(`${prefix}.dealId`, "the deal belongs to another account");
      accountId = accountId ?? deal.accountId;
    }
    if (accountId && !(await names.accountNames(tx, workspaceId, [accountId])).has(accountId)) throw invalidField(`${prefix}.accountId`, "no such account in this workspace");
    const exist = await repo.linksExist(tx, workspaceId, l);
    if (!exist.persona) throw invalidField(`${prefix}.personaId`, "no such persona in this workspace");
    if (!exist.competitor) throw invalidField(`${prefix}.competitorId`, "no such competitor in this workspace");
    return { accountId, dealId, personaId: l.personaId ?? null, competitorId: l.competitorId ?? null };
  }

  /** Writes insights and their audit entries in the caller's transaction (a submission or a ride-along's notes). */
  async function insertIn(tx: Tx, ctx: RequestContext, items: NewInsight[]): Promise<string[]> {
    const now = clock.now();
    const rows = items.map((i) => ({ workspaceId: ctx.workspaceId, id: newId(), kind: i.kind, text: i.text, status: "new" as const, ...i.links, rideAlongId: i.rideAlongId, submittedBy: ctx.actor.userId, createdAt: now, updatedAt: now }));
    await repo.insert(tx, rows);
    for (const r of rows) {
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "insight.created", entity: "insight", entityId: r.id, changes: { kind: r.kind, text: r.text, accountId: r.accountId, dealId: r.dealId, personaId: r.personaId, competitorId: r.competitorId, rideAlongId: r.rideAlongId } }, ctx.requestId);
    }
    return rows.map((r) => r.id);
  }

  async function one(tx: Queryable, ctx: RequestContext, id: string): Promise<Insight> {
    const row = await repo.get(tx, ctx.workspaceId, ctx.actor.userId, id);
    if (!row) throw notFound("Insight");
    return (await present(tx, ctx.workspaceId, [row]))[0]!;
  }

  /** The feed (every member): filtered by kind, status, persona, competitor, account, deal; newest first or by votes. */
  function listInsights(ctx: RequestContext, q: ListInsightsQuery): Promise<Page<Insight>> {
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const page = await repo.list(tx, ctx.workspaceId, ctx.actor.userId, q);
      return { items: await present(tx, ctx.workspaceId, page.items), nextCursor: page.nextCursor };
    });
  }

  /** One insight. */
  function getInsight(ctx: RequestContext, id: string): Promise<Insight> {
    return db.inWorkspace(ctx.workspaceId, (tx) => one(tx, ctx, id));
  }

  /** Submits an insight (the sales side). */
  async function submitInsight(ctx: RequestContext, body: CreateInsightBody): Promise<Insight> {
    requireInsightSubmitter(ctx.actor);
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const links = await resolveLinks(tx, ctx.workspaceId, body);
      const [id] = await insertIn(tx, ctx, [{ kind: body.kind, text: body.text, links, rideAlongId: null }]);
      return one(tx, ctx, id!);
    });
  }

  /** Marketing's triage: new → reviewed → actioned (saying what was done); 409 otherwise. The submitter is told. */
  async function triageInsight(ctx: RequestContext, id: string, body: TriageInsightBody): Promise<Insight> {
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const row = await repo.lock(tx, ctx.workspaceId, id);
      if (!row) throw notFound("Insight");
      requireInsightTriager(ctx.actor);
      if (!canTriage(row.status, body.status)) throw new AppError("conflict", `A ${row.status} insight cannot become ${body.status}`);
      await repo.update(tx, ctx.workspaceId, id, {
        status: body.status,
        updatedAt: now,
        ...(body.status === "reviewed" ? { reviewedBy: ctx.actor.userId, reviewedAt: now } : { actionedBy: ctx.actor.userId, actionedAt: now, actionTaken: body.actionTaken! }),
      });
      await notifications.notifyIn(tx, ctx.workspaceId, [row.submittedBy], {
        kind: "insight.triaged",
        title: `Your insight was ${body.status}: ${short(row.text)}`,
        body: body.status === "actioned" ? body.actionTaken! : `${ctx.actor.name} in marketing reviewed it.`,
        link: `/insights?focus=${id}`,
        entity: "insight",
        entityId: id,
      }, ctx.actor.userId);
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: `insight.${body.status}`, entity: "insight", entityId: id, changes: { from: row.status, to: body.status, actionTaken: body.actionTaken ?? null } }, ctx.requestId);
      return one(tx, ctx, id);
    });
  }

  /** The caller's vote (every member, once per insight): `on` adds it, off takes it back; repeating changes nothing. */
  async function setVote(ctx: RequestContext, id: string, on: boolean): Promise<Insight> {
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      // The lock orders concurrent votes on one insight, so the kept count equals the votes table.
      if (!(await repo.lock(tx, ctx.workspaceId, id))) throw notFound("Insight");
      if (on) await repo.addVote(tx, ctx.workspaceId, id, ctx.actor.userId, clock.now());
      else await repo.removeVote(tx, ctx.workspaceId, id, ctx.actor.userId);
      return one(tx, ctx, id);
    });
  }

  return { listInsights, getInsight, submitInsight, triageInsight, setVote, present, resolveLinks, insertIn };
}

export type FieldInsightsService = ReturnType<typeof createFieldInsightsService>;
