import type { Database } from "../../db/client.js";
import type { RequestContext } from "../../platform/actor.js";
import { AppError, notFound } from "../../../shared/errors.js";
import { ACTION_STAGE, type BulkLeadActionBody, type LeadAction } from "../../../shared/contracts/feedback.js";
import type { CrmModule } from "../crm/index.js";

type Deps = { db: Database; crm: Pick<CrmModule, "routingAccess" | "lifecycle"> };
type Decision = { reasonCode?: string | null; note?: string | null };

/** The closed loop's write side: sales accepts, rejects, recycles or disqualifies MQLs, one by one or in bulk. */
export function createLeadsService({ db, crm }: Deps) {
  /** Applies one action to one lead in its own transaction; the SLA, routing and webhook hooks run inside it. */
  async function act(ctx: RequestContext, id: string, action: LeadAction, d: Decision) {
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const lead = await crm.routingAccess.loadForRouting(tx, ctx.workspaceId, id, true);
      if (!lead) throw notFound("Lead");
      // Accepting and rejecting answer marketing's hand-over: they apply to MQLs only (DESIGN §6.1).
      if ((action === "accept" || action === "reject") && lead.contact.stage !== "mql") {
        throw new AppError("invalid_transition", `Only an MQL can be ${action === "accept" ? "accepted" : "rejected"}; this lead is ${lead.contact.stage}`);
      }
      const moved = await crm.lifecycle.applyMove(tx, ctx.workspaceId, ctx.actor, lead.contact, { stage: ACTION_STAGE[action], reasonCode: d.reasonCode ?? null, note: d.note ?? null }, { requestId: ctx.requestId });
      return { id: moved.id, stage: moved.stage, ownerId: moved.ownerId };
    });
  }

  /** One action on many leads; each succeeds or fails on its own and the result says which and why. */
  async function bulk(ctx: RequestContext, body: BulkLeadActionBody) {
    const results: { id: string; ok: boolean; stage: string | null; error: string | null }[] = [];
    for (const id of body.ids) {
      try {
        const r = await act(ctx, id, body.action, body);
        results.push({ id, ok: true, stage: r.stage, error: null });
      } catch (err) {
        // Role refusals apply to every lead alike: stop at the first rather than report 200 failures.
        if (err instanceof AppError && err.code === "forbidden") throw err;
        if (!(err instanceof AppError)) throw err;
        results.push({ id, ok: false, stage: null, error: err.message });
      }
    }
    return { succeeded: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok).length, results };
  }

  return { act, bulk };
}

export type LeadsService = ReturnType<typeof createLeadsService>;
