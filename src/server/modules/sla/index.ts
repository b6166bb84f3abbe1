import type { FastifyInstance } from "fastify";
import type { Database, Tx } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import type { ScheduledTask } from "../../platform/jobs/worker.js";
import type { NotificationsService } from "../notifications/index.js";
import { createSlaRepository } from "./sla.repository.js";
import { createMarketingSlaRepository } from "./marketing-sla.repository.js";
import { createCalendarsService } from "./calendars.service.js";
import { createPoliciesService } from "./policies.service.js";
import { createTimersService, type SlaEvent, type SlaHooks } from "./timers.service.js";
import { createMarketingSlaService } from "./marketing-sla.service.js";
import { createLedgerService } from "./ledger.service.js";
import { createSlaHistoryService } from "./history.service.js";
import { slaRoutes } from "./sla.routes.js";

type Deps = {
  db: Database;
  clock: Clock;
  notifications: Pick<NotificationsService, "notifyIn" | "notifyRolesIn">;
  reassign: (tx: Tx, workspaceId: string, contactId: string, toUserId: string, opts: { reason: string; note: string; at: Date }) => Promise<string | null>;
};

/** Two-sided SLAs (DESIGN §6.4): calendars, policies, timers with their escalation ladder, and the breach ledger. */
export function createSlaModule({ db, clock, notifications, reassign }: Deps) {
  const repo = createSlaRepository();
  const calendars = createCalendarsService({ db, repo, clock });
  const policies = createPoliciesService({ db, repo, clock });
  const hooks: SlaHooks = { timerEvent: [] };
  const timers = createTimersService({ db, repo, clock, calendars, policies, notifications, reassign, hooks });
  const marketing = createMarketingSlaService({ db, repo, marketingRepo: createMarketingSlaRepository(), clock, policies, notifications });
  const ledger = createLedgerService({ db, repo, clock, calendars, marketing });
  const history = createSlaHistoryService({ repo, calendars, policies, marketing });
  // Every minute: fire due timer steps, and evaluate marketing periods that just ended.
  const schedules: ScheduledTask[] = [
    {
      name: "sla-tick",
      cron: "* * * * *",
      async runForWorkspace(workspaceId) {
        await timers.fireDue(workspaceId);
        await marketing.evaluateEndedPeriods(workspaceId);
      },
    },
  ];
  async function routes(app: FastifyInstance) {
    await app.register(slaRoutes, { policies, calendars, ledger });
  }
  return { routes, schedules, hooks, calendars, policies, timers, marketing, ledger, history, repo };
}

export type SlaModule = ReturnType<typeof createSlaModule>;
export type { SlaEvent, SlaHooks } from "./timers.service.js";

/** The `data` of an sla.warning / sla.breached webhook (see src/shared/contracts/webhooks.ts). */
export function slaEventData(e: SlaEvent): Record<string, unknown> {
  const t = e.timer;
  return {
    timer: { id: t.id, policyId: t.policyId, kind: t.kind, contactId: t.contactId, ownerId: t.ownerId, teamId: t.teamId, startedAt: t.startedAt, warnAt: t.warnAt, dueAt: t.dueAt, state: t.state },
    contact: { id: t.contactId, name: e.contactName },
    at: e.at,
  };
}
