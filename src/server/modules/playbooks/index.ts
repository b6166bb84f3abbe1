import type { FastifyInstance } from "fastify";
import type { Database } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import { DEFAULT_CALENDAR } from "../../../shared/contracts/business-calendar.js";
import { createPlaybooksRepository } from "./playbooks.repository.js";
import { createLeadActivityQueries } from "./lead-activity.queries.js";
import { createPlaybooksService } from "./playbooks.service.js";
import { createRecommendService, type CalendarSource } from "./recommend.service.js";
import { createAdherenceService } from "./adherence.service.js";
import { playbooksRoutes } from "./playbooks.routes.js";

type Deps = {
  db: Database;
  clock: Clock;
  /** The calendar step days count in; by default Mon–Fri 09:00–17:00 in the workspace's time zone. */
  calendarFor?: CalendarSource;
};

/** Follow-up playbooks per source/channel/persona, assigned at handoff, and adherence (docs/PLAYBOOKS.md). */
export function createPlaybooksModule({ db, clock, calendarFor }: Deps) {
  const repo = createPlaybooksRepository();
  const leads = createLeadActivityQueries();
  const calendar: CalendarSource = calendarFor ?? (async (tx, workspaceId) => ({ ...DEFAULT_CALENDAR, timezone: await leads.workspaceZone(tx, workspaceId) }));
  const playbooks = createPlaybooksService({ db, repo, clock });
  const recommend = createRecommendService({ db, repo, leads, clock, calendarFor: calendar });
  const adherence = createAdherenceService({ db, clock, calendarFor: calendar });
  async function routes(app: FastifyInstance) {
    await app.register(playbooksRoutes, { playbooks, recommend, adherence });
  }
  return { routes, playbooks, adherence, recommendIn: recommend.recommendIn, onHandedOff: recommend.onHandedOff };
}

export type PlaybooksModule = ReturnType<typeof createPlaybooksModule>;
export type { CalendarSource } from "./recommend.service.js";
