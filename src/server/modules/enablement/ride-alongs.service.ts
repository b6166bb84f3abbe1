import type { Database, Queryable } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import type { RequestContext } from "../../platform/actor.js";
import { recordAudit } from "../../platform/audit.js";
import { newId } from "../../platform/ids.js";
import { invalidField, notFound } from "../../../shared/errors.js";
import type { CreateRideAlongBody, ListRideAlongsQuery, RideAlong, RideAlongDetail, RideAlongInsightBody } from "../../../shared/contracts/enablement-insights.js";
import type { Page } from "../../../shared/contracts/common.js";
import type { NamesAccess } from "../crm/index.js";
import type { FieldInsightsRepository, RideAlongRow } from "./field-insights.repository.js";
import type { FieldInsightsService } from "./field-insights.service.js";
import { requireRideAlongRecorder } from "./insights.policy.js";

type Deps = { db: Database; repo: FieldInsightsRepository; clock: Clock; names: NamesAccess; insights: Pick<FieldInsightsService, "present" | "resolveLinks" | "insertIn"> };

/**
 * Ride-alongs: marketing joins a rep's call or meeting and records it (date, the reps joined, account/deal,
 * notes); the notes become field insights carrying the ride-along's id and its account and deal.
 */
export function createRideAlongsService({ db, repo, clock, names, insights }: Deps) {
  async function present(tx: Queryable, workspaceId: string, rows: RideAlongRow[]): Promise<RideAlong[]> {
    const accounts = await names.accountNames(tx, workspaceId, rows.flatMap((r) => (r.accountId ? [r.accountId] : [])));
    const deals = await names.dealNames(tx, workspaceId, rows.flatMap((r) => (r.dealId ? [r.dealId] : [])));
    const people = await repo.userNames(tx, rows.flatMap((r) => [r.recordedBy, ...r.attendees]));
    const counts = await repo.insightCounts(tx, workspaceId, rows.map((r) => r.id));
    return rows.map(({ workspaceId: _w, attendees, ...r }) => ({
      ...r,
      // attendees holds the member ids of the reps joined (checked against the workspace's members on write).
      reps: attendees.map((id) => ({ id, name: people.get(id) ?? null })),
      accountName: r.accountId ? (accounts.get(r.accountId) ?? null) : null,
      dealName: r.dealId ? (deals.get(r.dealId) ?? null) : null,
      recordedByName: people.get(r.recordedBy) ?? null,
      insightCount: counts.get(r.id) ?? 0,
    }));
  }

  async function detail(tx: Queryable, ctx: RequestContext, id: string): Promise<RideAlongDetail> {
    const row = await repo.findRideAlong(tx, ctx.workspaceId, id);
    if (!row) throw notFound("Ride-along");
    const [ride] = await present(tx, ctx.workspaceId, [row]);
    return { ...ride!, insights: await insights.present(tx, ctx.workspaceId, await repo.ofRideAlong(tx, ctx.workspaceId, ctx.actor.userId, id)) };
  }

  /** Ride-alongs, newest first (every member reads them). */
  function listRideAlongs(ctx: RequestContext, q: ListRideAlongsQuery): Promise<Page<RideAlong>> {
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const page = await repo.listRideAlongs(tx, ctx.workspaceId, q);
      return { items: await present(tx, ctx.workspaceId, page.items), nextCursor: page.nextCursor };
    });
  }

  /** One ride-along with the insights its notes became. */
  function getRideAlong(ctx: RequestContext, id: string): Promise<RideAlongDetail> {
    return db.inWorkspace(ctx.workspaceId, (tx) => detail(tx, ctx, id));
  }

  /** Records a ride-along (marketing) and the insights its notes became, in one transaction. */
  async function recordRideAlong(ctx: RequestContext, body: CreateRideAlongBody): Promise<RideAlongDetail> {
    requireRideAlongRecorder(ctx.actor, "record ride-alongs");
    const now = clock.now();
    const id = newId();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const repIds = [...new Set(body.repIds)];
      const bad = await repo.nonMembers(tx, ctx.workspaceId, repIds);
      if (bad.length) throw invalidField(`body.repIds.${body.repIds.indexOf(bad[0]!)}`, "is not a member of this workspace");
      const links = await insights.resolveLinks(tx, ctx.workspaceId, { accountId: body.accountId, dealId: body.dealId });
      const items = [];
      for (const [i, ins] of body.insights.entries()) {
        const own = await insights.resolveLinks(tx, ctx.workspaceId, { personaId: ins.personaId, competitorId: ins.competitorId }, `body.insights.${i}`);
        items.push({ kind: ins.kind, text: ins.text, links: { ...own, accountId: links.accountId, dealId: links.dealId }, rideAlongId: id });
      }
      await repo.insertRideAlong(tx, { workspaceId: ctx.workspaceId, id, occurredOn: body.occurredOn, accountId: links.accountId, dealId: links.dealId, attendees: repIds, notes: body.notes, recordedBy: ctx.actor.userId, createdAt: now });
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "ride_along.created", entity: "ride_along", entityId: id, changes: { occurredOn: body.occurredOn, repIds, accountId: links.accountId, dealId: links.dealId, insights: items.length } }, ctx.requestId);
      await insights.insertIn(tx, ctx, items);
      return detail(tx, ctx, id);
    });
  }

  /** Adds an insight drawn from a ride-along's notes (it takes the ride-along's account and deal). */
  async function addInsight(ctx: RequestContext, id: string, body: RideAlongInsightBody): Promise<RideAlongDetail> {
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const ride = await repo.findRideAlong(tx, ctx.workspaceId, id);
      if (!ride) throw notFound("Ride-along");
      requireRideAlongRecorder(ctx.actor, "add insights to ride-alongs");
      const own = await insights.resolveLinks(tx, ctx.workspaceId, { personaId: body.personaId, competitorId: body.competitorId });
      await insights.insertIn(tx, ctx, [{ kind: body.kind, text: body.text, links: { ...own, accountId: ride.accountId, dealId: ride.dealId }, rideAlongId: id }]);
      return detail(tx, ctx, id);
    });
  }

  return { listRideAlongs, getRideAlong, recordRideAlong, addInsight };
}

export type RideAlongsService = ReturnType<typeof createRideAlongsService>;
