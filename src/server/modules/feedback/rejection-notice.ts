import { sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import type { StageChange } from "../crm/index.js";
import type { NotificationsService } from "../notifications/index.js";

/**
 * crm stageChanged hook: when sales rejects an MQL, the owner of the campaign that brought the lead in hears it at
 * once, with the reason and the note — the closed loop reaching the marketer who can act on it.
 */
export function createRejectionNotice({ notifications }: { notifications: Pick<NotificationsService, "notifyIn"> }) {
  return async function onStageChanged(tx: Tx, workspaceId: string, change: StageChange): Promise<boolean> {
    if (change.from !== "mql" || change.to !== "rejected" || !change.contact.originalCampaignId) return false;
    const res = await tx.execute<{ owner_id: string | null; campaign: string; reason: string | null }>(sql`
      select k.owner_id, k.name as campaign,
        (select r.label from reason_codes r where r.workspace_id = k.workspace_id and r.kind = 'reject' and r.code = ${change.reasonCode ?? null}) as reason
      from campaigns k where k.workspace_id = ${workspaceId} and k.id = ${change.contact.originalCampaignId}`);
    const row = res.rows[0];
    if (!row?.owner_id) return false;
    const c = change.contact;
    const name = [c.firstName, c.lastName].filter(Boolean).join(" ") || c.email || "a lead";
    await notifications.notifyIn(
      tx,
      workspaceId,
      [row.owner_id],
      {
        kind: "lead.rejected",
        title: `Sales rejected ${name} from ${row.campaign}: ${row.reason ?? change.reasonCode ?? "no reason"}`,
        body: change.note,
        link: `/feedback`,
        entity: "contact",
        entityId: c.id,
      },
      change.actor?.userId,
    );
    return false;
  };
}
