import type { Database, Queryable, Tx } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import type { RequestContext } from "../../platform/actor.js";
import { diffFields, recordAudit } from "../../platform/audit.js";
import { newId } from "../../platform/ids.js";
import { AppError, notFound } from "../../../shared/errors.js";
import type {
  CompetitorDetail,
  CompetitorListItem,
  CompetitorRecord,
  CompetitorWinRates,
  CompetitorWinRatesQuery,
  CreateCompetitorBody,
  EngagedCompetitor,
  SaveBattlecardBody,
  SetDealCompetitorsBody,
  UpdateCompetitorBody,
} from "../../../shared/contracts/enablement-competitors.js";
import { competitorWinRates } from "../../reports/competitor-win-rates.report.js";
import { competitorDeals } from "../../reports/competitor-deals.report.js";
import { resolvePeriod } from "../../reports/report-scope.js";
import type { CompetitorsRepository } from "./competitors.repository.js";
import { requireDealEditor, requireEnablementAuthor } from "./enablement.policy.js";

/** What this module needs from the CRM (deals and contacts are its tables). */
export type CrmAccess = {
  dealRef(tx: Queryable, workspaceId: string, dealId: string): Promise<{ id: string; name: string; accountId: string; competitor: string | null; closedAt: Date | null } | null>;
  contactDealIds(tx: Queryable, workspaceId: string, contactId: string): Promise<string[]>;
  contactAccountId(tx: Queryable, workspaceId: string, contactId: string): Promise<{ accountId: string | null } | null>;
};

type Deps = { db: Database; repo: CompetitorsRepository; clock: Clock; crm: CrmAccess };

const EMPTY_RECORD: CompetitorRecord = { openDeals: 0, won: 0, lost: 0, noDecision: 0, winRate: null, lossReasons: [] };

/** Competitor profiles, battlecards, deal tags, and win rate / loss reasons per competitor. */
export function createCompetitorsService({ db, repo, clock, crm }: Deps) {
  async function records(tx: Tx, workspaceId: string, competitorId?: string) {
    const period = await resolvePeriod(tx, workspaceId, {}, clock.now());
    const rows = await competitorWinRates(tx, workspaceId, period, competitorId);
    return new Map(rows.map(({ competitorId: id, name: _n, ...r }) => [id, r]));
  }

  async function engaged(tx: Tx, workspaceId: string, dealIds: string[]): Promise<EngagedCompetitor[]> {
    const tags = await repo.dealTags(tx, workspaceId, dealIds);
    const ids = [...new Set(tags.map((t) => t.competitorId))];
    const [all, cards] = [await repo.list(tx, workspaceId), await repo.battlecards(tx, workspaceId, ids)];
    return ids.map((id) => {
      const { workspaceId: _w, ...competitor } = all.find((c) => c.id === id)!;
      return { competitor, battlecard: cards.find((b) => b.competitorId === id) ?? null, dealIds: tags.filter((t) => t.competitorId === id).map((t) => t.dealId) };
    });
  }

  async function nameTaken(tx: Tx, workspaceId: string, name: string, except?: string) {
    const other = await repo.findByName(tx, workspaceId, name);
    if (other && other.id !== except) throw new AppError("conflict", `A competitor named "${other.name}" exists already`);
  }

  /** Every competitor with whether it has a battlecard and its record over the last 12 months. */
  function listCompetitors(ctx: RequestContext): Promise<CompetitorListItem[]> {
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const rows = await repo.list(tx, ctx.workspaceId);
      const cards = new Set((await repo.battlecards(tx, ctx.workspaceId, rows.map((r) => r.id))).map((b) => b.competitorId));
      const rec = await records(tx, ctx.workspaceId);
      return rows.map(({ workspaceId: _w, ...c }) => ({ ...c, hasBattlecard: cards.has(c.id), record: rec.get(c.id) ?? EMPTY_RECORD }));
    });
  }

  /** A competitor's profile, battlecard, record and tagged deals. */
  function getCompetitor(ctx: RequestContext, id: string): Promise<CompetitorDetail> {
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const row = await repo.findById(tx, ctx.workspaceId, id);
      if (!row) throw notFound("Competitor");
      const { workspaceId: _w, ...c } = row;
      const [card] = await repo.battlecards(tx, ctx.workspaceId, [id]);
      return { ...c, battlecard: card ?? null, record: (await records(tx, ctx.workspaceId, id)).get(id) ?? EMPTY_RECORD, deals: await competitorDeals(tx, ctx.workspaceId, id) };
    });
  }

  /** Adds a competitor profile; names are unique ignoring case. */
  async function createCompetitor(ctx: RequestContext, body: CreateCompetitorBody) {
    requireEnablementAuthor(ctx.actor, "add competitors");
    const now = clock.now();
    const id = newId();
    await db.inWorkspace(ctx.workspaceId, async (tx) => {
      await nameTaken(tx, ctx.workspaceId, body.name);
      await repo.insert(tx, { ...body, workspaceId: ctx.workspaceId, id, createdAt: now, updatedAt: now });
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "competitor.created", entity: "competitor", entityId: id, changes: body }, ctx.requestId);
    });
    return getCompetitor(ctx, id);
  }

  /** Changes a competitor's profile. */
  async function updateCompetitor(ctx: RequestContext, id: string, body: UpdateCompetitorBody) {
    const now = clock.now();
    await db.inWorkspace(ctx.workspaceId, async (tx) => {
      const before = await repo.findById(tx, ctx.workspaceId, id, true);
      if (!before) throw notFound("Competitor");
      requireEnablementAuthor(ctx.actor, "change competitors");
      if (body.name) await nameTaken(tx, ctx.workspaceId, body.name, id);
      await repo.update(tx, ctx.workspaceId, id, { ...body, updatedAt: now });
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "competitor.updated", entity: "competitor", entityId: id, changes: diffFields(before, body) }, ctx.requestId);
    });
    return getCompetitor(ctx, id);
  }

  /** Deletes a competitor with its battlecard and deal tags. */
  async function deleteCompetitor(ctx: RequestContext, id: string) {
    const now = clock.now();
    await db.inWorkspace(ctx.workspaceId, async (tx) => {
      const c = await repo.findById(tx, ctx.workspaceId, id, true);
      if (!c) throw notFound("Competitor");
      requireEnablementAuthor(ctx.actor, "delete competitors");
      await repo.delete(tx, ctx.workspaceId, id);
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "competitor.deleted", entity: "competitor", entityId: id, changes: { name: c.name } }, ctx.requestId);
    });
  }

  /** Saves a competitor's battlecard whole; a stale `version` is a conflict (someone saved since). */
  async function saveBattlecard(ctx: RequestContext, competitorId: string, body: SaveBattlecardBody) {
    const now = clock.now();
    await db.inWorkspace(ctx.workspaceId, async (tx) => {
      const c = await repo.findById(tx, ctx.workspaceId, competitorId, true);
      if (!c) throw notFound("Competitor");
      requireEnablementAuthor(ctx.actor, "edit battlecards");
      const before = await repo.battlecardRow(tx, ctx.workspaceId, competitorId);
      const current = before?.version ?? 0;
      if (body.version !== undefined && body.version !== current) throw new AppError("conflict", `The battlecard changed since you opened it (version ${current}); reload and edit again`);
      const { version: _v, ownerId, ...content } = body;
      await repo.saveBattlecard(tx, { workspaceId: ctx.workspaceId, competitorId, ...content, ownerId: ownerId === undefined ? (before?.ownerId ?? ctx.actor.userId) : ownerId, version: current + 1, updatedAt: now, updatedBy: ctx.actor.userId });
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "battlecard.saved", entity: "competitor", entityId: competitorId, changes: { version: current + 1 } }, ctx.requestId);
    });
    return getCompetitor(ctx, competitorId);
  }

  /** The competitors tagged on a deal, each with its battlecard. */
  function dealCompetitors(ctx: RequestContext, dealId: string) {
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      if (!(await crm.dealRef(tx, ctx.workspaceId, dealId))) throw notFound("Deal");
      return engaged(tx, ctx.workspaceId, [dealId]);
    });
  }

  /** Replaces a deal's competitor tags. */
  async function setDealCompetitors(ctx: RequestContext, dealId: string, body: SetDealCompetitorsBody) {
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      if (!(await crm.dealRef(tx, ctx.workspaceId, dealId))) throw notFound("Deal");
      requireDealEditor(ctx.actor, "tag deals with competitors");
      const ids = [...new Set(body.competitorIds)];
      const known = await repo.existing(tx, ctx.workspaceId, ids);
      const unknown = ids.findIndex((i) => !known.has(i));
      if (unknown >= 0) throw new AppError("validation_failed", `body.competitorIds.${unknown}: no such competitor`, [{ path: `body.competitorIds.${unknown}`, message: "no such competitor" }]);
      await repo.untagExcept(tx, ctx.workspaceId, dealId, ids);
      for (const id of ids) await repo.tag(tx, ctx.workspaceId, dealId, id, now);
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "deal.competitors_set", entity: "deal", entityId: dealId, changes: { competitorIds: ids } }, ctx.requestId);
      return engaged(tx, ctx.workspaceId, [dealId]);
    });
  }

  /** The competitors on a contact's deals (as primary contact or buying role), each with its battlecard. */
  function contactCompetitors(ctx: RequestContext, contactId: string) {
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      if (!(await crm.contactAccountId(tx, ctx.workspaceId, contactId))) throw notFound("Contact");
      return engaged(tx, ctx.workspaceId, await crm.contactDealIds(tx, ctx.workspaceId, contactId));
    });
  }

  /** Win rate and loss reasons per competitor for a period (default: the last 12 months). */
  function winRates(ctx: RequestContext, query: CompetitorWinRatesQuery): Promise<CompetitorWinRates> {
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const period = await resolvePeriod(tx, ctx.workspaceId, query, clock.now());
      return { from: period.from, to: period.to, items: await competitorWinRates(tx, ctx.workspaceId, period) };
    });
  }

  /**
   * CRM hook: a competitor named on the deal (deals.competitor, e.g. at close) is also a tag, so deal_competitors
   * stays the one list of competitors involved. An unknown name becomes a new profile.
   */
  async function onDealChanged(tx: Tx, workspaceId: string, dealId: string) {
    const deal = await crm.dealRef(tx, workspaceId, dealId);
    const name = deal?.competitor?.trim();
    if (!name) return;
    const now = clock.now();
    let c = await repo.findByName(tx, workspaceId, name);
    c ??= await repo.insert(tx, { workspaceId, id: newId(), name, createdAt: now, updatedAt: now });
    c ??= await repo.findByName(tx, workspaceId, name);
    if (c) await repo.tag(tx, workspaceId, dealId, c.id, now);
  }

  return { listCompetitors, getCompetitor, createCompetitor, updateCompetitor, deleteCompetitor, saveBattlecard, dealCompetitors, setDealCompetitors, contactCompetitors, winRates, onDealChanged };
}

export type CompetitorsService = ReturnType<typeof createCompetitorsService>;
