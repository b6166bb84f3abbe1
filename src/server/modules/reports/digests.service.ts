import { sql } from "drizzle-orm";
import type { Database, Tx } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import { requireRole, type RequestContext } from "../../platform/actor.js";
import { recordAudit } from "../../platform/audit.js";
import { newId } from "../../platform/ids.js";
import { AppError, invalidField, notFound } from "../../../shared/errors.js";
import { PERMISSIONS } from "../../../shared/domain/permissions.js";
import type { Role } from "../../../shared/domain/roles.js";
import type { CreateDigestBody, Digest, DigestContent } from "../../../shared/contracts/digests.js";
import type { NotificationsService } from "../notifications/index.js";
import { resolvePeriod, workspaceToday } from "../../reports/report-scope.js";
import { addDays } from "../../../shared/domain/report-periods.js";
import { weeklyDigest } from "../../reports/weekly-digest.report.js";
import type { DigestsRepository } from "./digests.repository.js";

type Deps = { db: Database; repo: DigestsRepository; clock: Clock; notifications: Pick<NotificationsService, "notifyRolesIn"> };

/** Both teams: marketing and the sales side (AEs, SDRs) with their managers. */
export const DIGEST_ROLES: readonly Role[] = ["marketing", "sales", "sdr", "manager"];
/** The digest goes out from Monday 07:00 in the workspace's zone. */
const SEND_HOUR = 7;


/** The Monday of the week before the one `today` (a local calendar day) is in. */
export function lastWeekStart(today: string): string {
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(today, -weekday - 7);
}

const fmtCount = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 0 });
const clip = (text: string, max = 100) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

/** The digest as a few lines of text: the notification body (in the app and in the e-mail). */
export function digestSummaryLines(c: DigestContent): string[] {
  const money = new Intl.NumberFormat("en-US", { style: "currency", currency: c.currency, maximumFractionDigits: 0 });
  const show = (unit: string, v: number) => (unit === "money" ? money.format(v) : fmtCount(v));
  const moved = c.metrics.filter((m) => m.moved);
  const lines = moved.length
    ? moved.map((m) => `${m.label}: ${show(m.unit, m.value)} (${m.value >= m.previous ? "up" : "down"} from ${show(m.unit, m.previous)})`)
    : ["No number moved by a fifth or more against the week before."];
  lines.push(`SLA breaches: ${c.slaBreaches.total} (week before: ${c.slaBreaches.previous})${c.slaBreaches.byKind.length ? ` — ${c.slaBreaches.byKind.map((k) => `${k.label} ${k.count}`).join(", ")}` : ""}`);
  if (c.rejectionReasons.length) lines.push(`Top rejection reasons: ${c.rejectionReasons.slice(0, 3).map((r) => `${r.label} (${r.count})`).join(", ")}`);
  const overdue = c.reviewActions.filter((a) => a.overdue).length;
  if (c.reviewActions.length) lines.push(`Review actions due within two weeks: ${c.reviewActions.length}${overdue ? ` (${overdue} overdue)` : ""}`);
  const fi = c.fieldInsights;
  if (fi) lines.push(`New field insights: ${fmtCount(fi.total)} (week before: ${fmtCount(fi.previous)})${fi.items[0] ? ` — most voted: "${clip(fi.items[0].text)}" (${fi.items[0].votes} votes)` : ""}`);
  const cr = c.contentRequests;
  if (cr) lines.push(`Content requests from sales: ${fmtCount(cr.total)} (week before: ${fmtCount(cr.previous)}); ${fmtCount(cr.open)} waiting for marketing`);
  return lines;
}

/** The weekly digest: generated once per week per workspace, stored, and sent to both teams as a notification. */
export function createDigestsService({ db, repo, clock, notifications }: Deps) {
  async function generateIn(tx: Tx, workspaceId: string, weekStart: string, now: Date): Promise<{ id: string; created: boolean }> {
    const existing = await repo.findWeek(tx, workspaceId, weekStart);
    if (existing) return { id: existing.id, created: false };
    const week = await resolvePeriod(tx, workspaceId, { from: weekStart, to: addDays(weekStart, 6) }, now);
    const previous = await resolvePeriod(tx, workspaceId, { from: addDays(weekStart, -7), to: addDays(weekStart, -1) }, now);
    const today = await workspaceToday(tx, workspaceId, now);
    const content = await weeklyDigest(tx, workspaceId, week, previous, today);
    const id = newId();
    if (!(await repo.insertOnce(tx, { workspaceId, id, weekStart, content, generatedAt: now, recipients: 0 }))) return { id: (await repo.findWeek(tx, workspaceId, weekStart))!.id, created: false };
    const title = `Weekly digest: ${week.from} to ${week.to}`;
    const sent = await notifications.notifyRolesIn(tx, workspaceId, DIGEST_ROLES, { kind: "digest.weekly", title, body: digestSummaryLines(content).join("\n"), link: `/reports/digests/${id}`, entity: "digest", entityId: id });
    await tx.execute(sql`update digests set recipients = ${sent.length}, emailed_at = ${now.toISOString()}::timestamptz where workspace_id = ${workspaceId} and id = ${id}`);
    return { id, created: true };
  }

  /** The scheduled run: from Monday 07:00 local on, last week's digest exists (generated and sent once). */
  async function sendDue(workspaceId: string): Promise<boolean> {
    const now = clock.now();
    return db.inWorkspace(workspaceId, async (tx) => {
      const local = await tx.execute<{ today: string; hour: number; weekday: number }>(sql`
        select to_char(${now.toISOString()}::timestamptz at time zone timezone, 'YYYY-MM-DD') as today,
               extract(hour from ${now.toISOString()}::timestamptz at time zone timezone)::int as hour,
               extract(isodow from ${now.toISOString()}::timestamptz at time zone timezone)::int as weekday
        from workspaces where id = ${workspaceId}`);
      const l = local.rows[0];
      if (!l || (l.weekday === 1 && l.hour < SEND_HOUR)) return false;
      return (await generateIn(tx, workspaceId, lastWeekStart(l.today), now)).created;
    });
  }

  function toDigest(row: { id: string; weekStart: string; generatedAt: Date; emailedAt: Date | null; recipients: number; content: unknown }): Digest {
    return { id: row.id, weekStart: row.weekStart, generatedAt: row.generatedAt, emailedAt: row.emailedAt, recipients: row.recipients, content: row.content as DigestContent };
  }

  /** Generates and sends the digest of a finished week now (managers and admins); a week is sent once (409 after). */
  async function createDigest(ctx: RequestContext, body: CreateDigestBody) {
    requireRole(ctx.actor, PERMISSIONS.runReviews, "send the weekly digest");
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const today = await workspaceToday(tx, ctx.workspaceId, now);
      const weekStart = body.weekStart ?? lastWeekStart(today);
      if (addDays(weekStart, 6) >= today) throw invalidField("body.weekStart", "that week has not ended yet");
      const { id, created } = await generateIn(tx, ctx.workspaceId, weekStart, now);
      if (!created) throw new AppError("conflict", `The digest of the week of ${weekStart} was sent already`);
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "digest.sent", entity: "digest", entityId: id, changes: { weekStart } }, ctx.requestId);
      return toDigest((await repo.find(tx, ctx.workspaceId, id))!);
    });
  }

  /** The digests sent, newest week first. */
  function listDigests(ctx: RequestContext) {
    return db.inWorkspace(ctx.workspaceId, (tx) => repo.list(tx, ctx.workspaceId));
  }

  /** One digest as it was sent. */
  function getDigest(ctx: RequestContext, id: string) {
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const row = await repo.find(tx, ctx.workspaceId, id);
      if (!row) throw notFound("Digest");
      return toDigest(row);
    });
  }

  return { sendDue, createDigest, listDigests, getDigest, generateIn };
}

export type DigestsService = ReturnType<typeof createDigestsService>;
