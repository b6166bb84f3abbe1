/**
 * The demo's SLAs: business calendars (the AE teams keep their coasts' hours), marketing's monthly target, and the
 * timers of 18 months of hand-overs rebuilt from the lifecycle history — so the ledger shows AE West breaching its
 * accept-within-4-hours promise while AE East keeps it, and marketing missing its acceptance rate.
 */
import type { PoolClient } from "pg";
import { drizzle } from "drizzle-orm/node-postgres";
import type { Tx } from "../db/client.js";
import type { SlaModule } from "../modules/sla/index.js";
import { DEFAULT_CALENDAR, type BusinessCalendar } from "../../shared/contracts/business-calendar.js";
import type { MqlTargetTerms } from "../../shared/contracts/sla.js";
import type { DemoContext } from "./context.js";

export type DemoSla = Pick<SlaModule, "history" | "repo">;

const hours = (timezone: string, holidays: string[] = []): BusinessCalendar => ({ ...DEFAULT_CALENDAR, timezone, holidays });
// Public holidays both coasts keep in the window.
const US_HOLIDAYS = ["2024-11-28", "2024-12-25", "2025-01-01", "2025-05-26", "2025-07-04", "2025-09-01", "2025-11-27", "2025-12-25", "2026-01-01"];
const TEAM_CALENDARS: Record<string, BusinessCalendar> = {
  "AE East": hours("America/New_York", US_HOLIDAYS),
  "AE West": hours("America/Los_Angeles", US_HOLIDAYS),
};
// About what the demo's campaigns make in a month at 20,000 contacts, and the acceptance rate sales asked for.
const MONTHLY_MQLS_AT_FULL_SIZE = 260;
const MIN_ACCEPTANCE = 0.6;

/** Writes calendars, the marketing target and the rebuilt timers; returns row counts. */
export async function insertDemoSla(client: PoolClient, ctx: DemoContext, sla: DemoSla): Promise<Record<string, number>> {
  const tx = drizzle(client) as unknown as Tx;
  const at = new Date(ctx.now);
  const zone = await sla.repo.workspaceZone(tx, ctx.workspaceId);
  await sla.repo.upsertCalendar(tx, ctx.workspaceId, null, { name: "Head office hours", calendar: hours(zone, US_HOLIDAYS) }, at);
  const teams = await client.query<{ id: string; name: string }>("select id, name from teams where workspace_id = $1", [ctx.workspaceId]);
  for (const t of teams.rows) {
    const cal = TEAM_CALENDARS[t.name];
    if (cal) await sla.repo.upsertCalendar(tx, ctx.workspaceId, t.id, { name: `${t.name} hours`, calendar: cal }, at);
  }
  const target: MqlTargetTerms = { period: "month", segment: null, mqlTarget: Math.max(1, Math.round(MONTHLY_MQLS_AT_FULL_SIZE * ctx.scale)), minAcceptanceRate: MIN_ACCEPTANCE };
  await client.query("update sla_policies set terms = $2, name = 'Monthly MQLs sales accepts' where workspace_id = $1 and kind = 'mql_target' and team_id is null", [ctx.workspaceId, JSON.stringify(target)]);
  const timers = await sla.history.backfillIn(tx, ctx.workspaceId, at);
  const periods = await sla.history.backfillPeriodsIn(tx, ctx.workspaceId, at, 6);
  return { business_calendars: 1 + teams.rows.filter((t) => TEAM_CALENDARS[t.name]).length, sla_timers: timers.timers, sla_timer_events: timers.events, sla_period_results: periods };
}
