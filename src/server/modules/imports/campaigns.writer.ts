/**
 * Set-based writer for campaigns (docs/IMPORTS.md): deduped by external id, then by name (names are unique in a
 * workspace). The file's actual cost becomes one dated cost line per campaign and source ("Imported actual cost
 * (salesforce)"), replaced on re-import, and the campaign's actual cost is recomputed as the sum of its lines — the
 * campaigns module's rule — in the same statement set.
 */
import { mapCampaignStatus, mapChannel } from "../../../shared/domain/import-values.js";
import { CHANNELS } from "../../../shared/domain/touchpoints.js";
import { collectOutcome, externalIdsExpr, skipDuplicates, stageRows, type StagingColumn } from "./staging.js";
import { resolve, type Writer } from "./crm.writers.js";

const t = (name: string): StagingColumn => ({ name, type: "text" });
const day = (v: unknown) => (typeof v === "string" ? v.slice(0, 10) : null);

/** Campaigns: channel from the campaign type (the original type kept as the vehicle), status, dates, budget, cost. */
export const campaignsWriter: Writer = {
  ids: 2,
  async prepare() {
    return (v) => {
      const type = typeof v.channel === "string" ? v.channel : null;
      const channel = type ? mapChannel(type) : null;
      if (type && !channel) return { error: `Channel / type "${type}" is not a channel we know (Salesforce's campaign types, or ${CHANNELS.join(", ")})` };
      const status = typeof v.status === "string" ? mapCampaignStatus(v.status) : null;
      if (typeof v.status === "string" && !status) return { error: `Status "${v.status}" is not a campaign status we know (Planned, In Progress, Completed, Aborted)` };
      const startsOn = day(v.startsOn);
      const endsOn = day(v.endsOn);
      if (startsOn && endsOn && endsOn < startsOn) return { error: `the end date ${endsOn} is before the start date ${startsOn}` };
      if (typeof v.actualCost === "number" && v.actualCost < 0) return { error: "Actual cost is negative" };
      return { values: { ...v, channel, vehicle: type, status, startsOn, endsOn } };
    };
  },
  async write(client, ctx, rows) {
    const src = ctx.source;
    const ws = ctx.workspaceId;
    const cols: StagingColumn[] = [
      t("externalId"),
      t("name"),
      t("channel"),
      t("vehicle"),
      t("status"),
      { name: "startsOn", type: "date" },
      { name: "endsOn", type: "date" },
      { name: "budget", type: "numeric" },
      { name: "actualCost", type: "numeric" },
      { name: "ownerId", type: "uuid" },
    ];
    await stageRows(client, "imp_campaigns", ["new_id", "cost_id"], cols, rows);
    await resolve(client, "imp_campaigns", "campaigns", ctx, "r.name = s.name");
    await client.query(
      `update imp_campaigns s set outcome = 'failed', reason = 'the name ' || s.name || ' belongs to another campaign than the external id'
       from campaigns r where s.target_id is not null and r.workspace_id = $1 and r.name = s.name and r.id <> s.target_id`,
      [ws],
    );
    await client.query(`update imp_campaigns set outcome = 'failed', reason = 'a new campaign needs a channel (map Channel / type)' where outcome is null and target_id is null and channel is null`);
    // An external id repeated under two names, and a name repeated under two ids, are both the same campaign.
    await skipDuplicates(client, "imp_campaigns", ["'x:' || external_id"]);
    await skipDuplicates(client, "imp_campaigns", ["'n:' || name"]);
    await client.query(
      `insert into campaigns (workspace_id, id, name, channel, vehicle, status, starts_on, ends_on, budget, actual_cost, owner_id, external_ids, created_at, updated_at)
       select $1, s.new_id, s.name, s.channel, s.vehicle, coalesce(s.status, 'planned'), s.starts_on, s.ends_on, coalesce(s.budget, 0), 0, s.owner_id, ${externalIdsExpr(src)}, $2, $2
       from imp_campaigns s where s.target_id is null and s.outcome is null`,
      [ws, ctx.now],
    );
    await client.query(
      `update campaigns c set name = s.name, channel = coalesce(s.channel, c.channel), vehicle = coalesce(s.vehicle, c.vehicle), status = coalesce(s.status, c.status),
         starts_on = coalesce(s.starts_on, c.starts_on), ends_on = coalesce(s.ends_on, c.ends_on), budget = coalesce(s.budget, c.budget),
         owner_id = coalesce(s.owner_id, c.owner_id), external_ids = c.external_ids || ${externalIdsExpr(src)}, updated_at = $2
       from imp_campaigns s where c.workspace_id = $1 and c.id = s.target_id and s.outcome is null`,
      [ws, ctx.now],
    );
    const label = `Imported actual cost (${src})`;
    await client.query(
      `delete from campaign_costs k using imp_campaigns s
       where k.workspace_id = $1 and k.campaign_id = s.target_id and s.outcome is null and s.actual_cost is not null and k.description = $2`,
      [ws, label],
    );
    await client.query(
      `insert into campaign_costs (workspace_id, id, campaign_id, incurred_on, amount, description, created_at)
       select $1, s.cost_id, coalesce(s.target_id, s.new_id), coalesce(s.ends_on, s.starts_on, ($2::timestamptz at time zone 'UTC')::date), s.actual_cost, $3, $2
       from imp_campaigns s where s.outcome is null and s.actual_cost is not null`,
      [ws, ctx.now, label],
    );
    await client.query(
      `update campaigns c set actual_cost = (select coalesce(sum(k.amount), 0) from campaign_costs k where k.workspace_id = c.workspace_id and k.campaign_id = c.id)
       from imp_campaigns s where c.workspace_id = $1 and c.id = coalesce(s.target_id, s.new_id) and s.outcome is null and s.actual_cost is not null`,
      [ws],
    );
    return collectOutcome(client, "imp_campaigns");
  },
};
