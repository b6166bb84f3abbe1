import type { Tx } from "../../db/client.js";
import type { DealClosed, StageChange } from "../crm/index.js";
import type { HandedOff } from "../routing/index.js";
import type { DeliveriesService } from "./deliveries.service.js";

type Publish = Pick<DeliveriesService, "publishIn">;
type ContactRow = StageChange["contact"];

/** The contact as every lead.* event shows it. */
function contactData(c: ContactRow, ownerId: string | null = c.ownerId) {
  return { id: c.id, email: c.email, firstName: c.firstName, lastName: c.lastName, accountId: c.accountId, ownerId, stage: c.stage, fitGrade: c.fitGrade, engagementScore: c.engagementScore };
}

/** crm stageChanged hook: lead.mql on reaching mql, lead.accepted on mql → sal, lead.rejected on mql → rejected. */
export function createStageChangedProducer({ publishIn }: Publish) {
  return async (tx: Tx, workspaceId: string, change: StageChange): Promise<boolean> => {
    const type = change.to === "mql" ? "lead.mql" : change.from === "mql" && change.to === "sal" ? "lead.accepted" : change.from === "mql" && change.to === "rejected" ? "lead.rejected" : null;
    if (!type) return false;
    const data: Record<string, unknown> = { contact: contactData(change.contact), from: change.from, to: change.to, at: change.at.toISOString(), actorUserId: change.actor?.userId ?? null };
    if (type === "lead.rejected") Object.assign(data, { reasonCode: change.reasonCode, note: change.note });
    await publishIn(tx, workspaceId, type, data);
    // The contact's row is untouched, so the move need not re-read it.
    return false;
  };
}

/** routing handedOff hook: lead.assigned. */
export function createHandedOffProducer({ publishIn }: Publish) {
  return async (tx: Tx, workspaceId: string, h: HandedOff): Promise<void> => {
    await publishIn(tx, workspaceId, "lead.assigned", {
      contact: contactData(h.contact, h.toUserId),
      handoffId: h.handoffId,
      toUserId: h.toUserId,
      fromUserId: h.fromUserId,
      reason: h.reason,
      at: h.at.toISOString(),
      actorUserId: h.actor?.userId ?? null,
    });
  };
}

/** crm dealClosed hook: deal.won or deal.lost (a no-decision close publishes nothing). */
export function createDealClosedProducer({ publishIn }: Publish) {
  return async (tx: Tx, workspaceId: string, { deal, actor, at }: DealClosed): Promise<void> => {
    if (deal.outcome !== "won" && deal.outcome !== "lost") return;
    await publishIn(tx, workspaceId, deal.outcome === "won" ? "deal.won" : "deal.lost", {
      deal: { id: deal.id, name: deal.name, accountId: deal.accountId, primaryContactId: deal.primaryContactId, ownerId: deal.ownerId, amount: deal.amount, currency: deal.currency, outcome: deal.outcome, closedAt: deal.closedAt?.toISOString() ?? null },
      reasonCode: deal.reasonCode,
      competitor: deal.competitor,
      at: at.toISOString(),
      actorUserId: actor.userId,
    });
  };
}
