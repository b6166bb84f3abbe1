import type { Database, Tx } from "../../db/client.js";
import type { RequestContext } from "../../platform/actor.js";
import type { Clock } from "../../platform/clock.js";
import { recordAudit } from "../../platform/audit.js";
import { notFound } from "../../../shared/errors.js";
import { DEFAULT_CALENDAR, type BusinessCalendar } from "../../../shared/contracts/business-calendar.js";
import type { PutCalendarBody } from "../../../shared/contracts/sla.js";
import type { CalendarRow, SlaRepository } from "./sla.repository.js";
import { requireSlaAdmin } from "./sla.policy.js";

type Deps = { db: Database; repo: SlaRepository; clock: Clock };

const toView = (row: CalendarRow, teamName: string | null) => ({ id: row.id, teamId: row.teamId, teamName, name: row.name, calendar: row.calendar, stored: true });

/** Business calendars: the workspace default and per-team overrides; SLA clocks count only their open minutes. */
export function createCalendarsService({ db, repo, clock }: Deps) {
  /** The built-in default (Mon–Fri 9–17) in the workspace's time zone. */
  async function builtIn(tx: Tx, workspaceId: string): Promise<BusinessCalendar> {
    return { ...DEFAULT_CALENDAR, timezone: await repo.workspaceZone(tx, workspaceId) };
  }

  /** The calendar a team works by: its own, else the workspace's, else the built-in default. */
  async function calendarFor(tx: Tx, workspaceId: string, teamId: string | null): Promise<BusinessCalendar> {
    const rows = await repo.calendarsFor(tx, workspaceId, teamId);
    const own = teamId ? rows.find((r) => r.teamId === teamId) : undefined;
    const fallback = rows.find((r) => r.teamId === null);
    return (own ?? fallback)?.calendar ?? builtIn(tx, workspaceId);
  }

  /** The default calendar and every team's own. */
  function listCalendars(ctx: RequestContext) {
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const rows = await repo.listCalendars(tx, ctx.workspaceId);
      const def = rows.find((r) => r.calendar.teamId === null);
      return {
        default: def ? toView(def.calendar, null) : { id: null, teamId: null, teamName: null, name: "Default hours", calendar: await builtIn(tx, ctx.workspaceId), stored: false },
        teams: rows.filter((r) => r.calendar.teamId !== null).map((r) => toView(r.calendar, r.teamName)),
      };
    });
  }

  /** Saves the default calendar (teamId null) or a team's own; running timers keep the due times they started with. */
  function putCalendar(ctx: RequestContext, teamId: string | null, body: PutCalendarBody) {
    requireSlaAdmin(ctx.actor);
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      if (teamId && !(await repo.teamExists(tx, ctx.workspaceId, teamId))) throw notFound("Team");
      const row = await repo.upsertCalendar(tx, ctx.workspaceId, teamId, { name: body.name ?? (teamId ? "Team hours" : "Default hours"), calendar: body.calendar }, now);
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "business_calendar.saved", entity: "business_calendar", entityId: row.id, changes: { teamId, calendar: body.calendar } }, ctx.requestId);
      const teams = await repo.listCalendars(tx, ctx.workspaceId);
      return toView(row, teams.find((t) => t.calendar.id === row.id)?.teamName ?? null);
    });
  }

  /** Drops a team's own calendar; the team falls back to the default. */
  function deleteTeamCalendar(ctx: RequestContext, teamId: string) {
    requireSlaAdmin(ctx.actor);
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      if (!(await repo.deleteTeamCalendar(tx, ctx.workspaceId, teamId))) throw notFound("Team calendar");
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "business_calendar.deleted", entity: "team", entityId: teamId }, ctx.requestId);
    });
  }

  return { calendarFor, listCalendars, putCalendar, deleteTeamCalendar };
}

export type CalendarsService = ReturnType<typeof createCalendarsService>;
