/**
 * What every report shares: the period in the workspace's time zone and the filters of DESIGN §6.5 turned into
 * SQL conditions on leads (contacts) or deals. Reports compose these fragments; none writes its own filter code.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../db/client.js";
import type { ReportFilters, ReportPeriod } from "../../shared/contracts/reports/filters.js";
import { notFound } from "../../shared/errors.js";
import { addDays, presetPeriod } from "../../shared/domain/report-periods.js";

/** A resolved period: calendar days in the workspace zone and the instants that bound them (end exclusive). */
export type ResolvedPeriod = ReportPeriod & { start: Date; end: Date };

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

async function zoneAndToday(tx: Queryable, workspaceId: string, now: Date): Promise<{ timezone: string; today: string }> {
  const zone = await tx.execute<{ timezone: string; today: string }>(
    sql`select timezone, to_char(${now.toISOString()}::timestamptz at time zone timezone, 'YYYY-MM-DD') as today from workspaces where id = ${workspaceId}`,
  );
  return { timezone: zone.rows[0]?.timezone ?? "UTC", today: zone.rows[0]?.today ?? isoDay(now) };
}

/** Today's calendar day in the workspace's time zone. */
export async function workspaceToday(tx: Queryable, workspaceId: string, now: Date): Promise<string> {
  return (await zoneAndToday(tx, workspaceId, now)).today;
}

/** Resolves a report's period against the workspace's time zone; `now` decides the default period (the last 12 months). */
export async function resolvePeriod(tx: Queryable, workspaceId: string, filters: Pick<ReportFilters, "from" | "to">, now: Date): Promise<ResolvedPeriod> {
  const { timezone, today } = await zoneAndToday(tx, workspaceId, now);
  const fallback = presetPeriod("last_12_months", today)!;
  const from = filters.from ?? (filters.to ? addDays(filters.to, -364) : fallback.from);
  const to = filters.to ?? fallback.to;
  const bounds = await tx.execute<{ start: string; end: string }>(sql`
    select (${from}::date::timestamp at time zone ${timezone})::text as start,
           ((${to}::date + 1)::timestamp at time zone ${timezone})::text as end`);
  const row = bounds.rows[0]!;
  return { from, to, timezone, start: new Date(row.start), end: new Date(row.end) };
}

/** The period as a response echoes it (days and zone, without the instants). */
export function periodOf(p: ResolvedPeriod): ReportPeriod {
  return { from: p.from, to: p.to, timezone: p.timezone };
}

/** The same period shifted back by its own length (for "compared with the previous period"); shared with the web app. */
export { previousPeriod } from "../../shared/domain/report-periods.js";

/** `x` falls inside the period. */
export function inPeriod(column: SQL, p: ResolvedPeriod): SQL {
  return sql`(${column} >= ${p.start.toISOString()}::timestamptz and ${column} < ${p.end.toISOString()}::timestamptz)`;
}

/** The month (first day, in the workspace zone) an instant falls in, as `YYYY-MM`. */
export function localMonth(column: SQL, p: Pick<ReportPeriod, "timezone">): SQL {
  return sql`to_char(${column} at time zone ${p.timezone}, 'YYYY-MM')`;
}

function ownerScope(alias: SQL, f: ReportFilters): SQL[] {
  const out: SQL[] = [];
  if (f.repId) out.push(sql`${alias}.owner_id = ${f.repId}`);
  if (f.teamId) {
    out.push(sql`${alias}.owner_id in (select m.user_id from memberships m where m.workspace_id = ${alias}.workspace_id and m.team_id = ${f.teamId})`);
  }
  return out;
}

function and(parts: SQL[]): SQL {
  return parts.length === 0 ? sql`true` : sql.join(parts, sql` and `);
}

/**
 * Conditions on a contact alias `c` (lead reports): segment of its account, its source and channel, its original
 * campaign, its owner or the owner's team.
 */
export function leadScope(f: ReportFilters, alias = "c"): SQL {
  const c = sql.raw(alias);
  const parts: SQL[] = [];
  if (f.segment) parts.push(sql`exists (select 1 from accounts a where a.workspace_id = ${c}.workspace_id and a.id = ${c}.account_id and a.segment = ${f.segment})`);
  if (f.source) parts.push(sql`${c}.source = ${f.source}`);
  if (f.channel) parts.push(sql`${c}.channel = ${f.channel}`);
  if (f.campaignId) parts.push(sql`${c}.original_campaign_id = ${f.campaignId}`);
  parts.push(...ownerScope(c, f));
  return and(parts);
}

/**
 * Conditions on a deal alias `d` (deal reports): its account's segment, the source and channel of the lead that
 * sourced it (its source contact, else its primary contact), its source campaign, its owner or the owner's team.
 * The segment and the lead's keys are the copies the deal carries (migration 0022), kept by triggers.
 */
export function dealScope(f: ReportFilters, alias = "d"): SQL {
  const d = sql.raw(alias);
  const parts: SQL[] = [];
  if (f.segment) parts.push(sql`${d}.segment = ${f.segment}`);
  if (f.source) parts.push(sql`${d}.lead_source = ${f.source}`);
  if (f.channel) parts.push(sql`${d}.lead_channel = ${f.channel}`);
  if (f.campaignId) parts.push(sql`${d}.source_campaign_id = ${f.campaignId}`);
  parts.push(...ownerScope(d, f));
  return and(parts);
}

/**
 * The lead filters (`leadScope`) applied to the lead that sourced a deal alias `d`, through the keys the deal copies
 * from it (migration 0022): its account's segment, source, channel, original campaign, owner or the owner's team.
 */
export function dealLeadScope(f: ReportFilters, alias = "d"): SQL {
  const d = sql.raw(alias);
  const parts: SQL[] = [];
  if (f.segment) parts.push(sql`${d}.lead_segment = ${f.segment}`);
  if (f.source) parts.push(sql`${d}.lead_source = ${f.source}`);
  if (f.channel) parts.push(sql`${d}.lead_channel = ${f.channel}`);
  if (f.campaignId) parts.push(sql`${d}.lead_campaign_id = ${f.campaignId}`);
  if (f.repId) parts.push(sql`${d}.lead_owner_id = ${f.repId}`);
  if (f.teamId) parts.push(sql`${d}.lead_owner_id in (select m.user_id from memberships m where m.workspace_id = ${d}.workspace_id and m.team_id = ${f.teamId})`);
  return and(parts);
}

/** Checks that the ids in the filters belong to this workspace (RLS hides others): a foreign id is a 404, never an empty report. */
export async function assertFilterIds(tx: Queryable, workspaceId: string, f: ReportFilters): Promise<void> {
  const res = await tx.execute<{ campaign: boolean; team: boolean; rep: boolean }>(sql`
    select
      ${f.campaignId ?? null}::uuid is null or exists (select 1 from campaigns where workspace_id = ${workspaceId} and id = ${f.campaignId ?? null}::uuid) as campaign,
      ${f.teamId ?? null}::uuid is null or exists (select 1 from teams where workspace_id = ${workspaceId} and id = ${f.teamId ?? null}::uuid) as team,
      ${f.repId ?? null}::uuid is null or exists (select 1 from memberships where workspace_id = ${workspaceId} and user_id = ${f.repId ?? null}::uuid) as rep`);
  const row = res.rows[0];
  if (!row?.campaign) throw notFound("Campaign");
  if (!row.team) throw notFound("Team");
  if (!row.rep) throw notFound("Rep");
}

/**
 * A drill-down page past its last row has no row to carry the window's `count(*) over ()`: ask again for the first
 * row only to learn the total (and any other whole-set figure), and keep the page empty.
 */
export async function pastTheEnd<Q extends { offset: number; limit: number }, R extends { items: unknown[] }>(q: Q, page: R, again: (first: Q) => Promise<R>): Promise<R> {
  if (page.items.length > 0 || q.offset === 0) return page;
  return { ...(await again({ ...q, offset: 0, limit: 1 })), items: [] };
}
