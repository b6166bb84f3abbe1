import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import type { Database, Tx } from "../db/client.js";
import type { Clock } from "../platform/clock.js";
import type { Authenticator } from "../platform/http/auth-hook.js";
import { createIdentityModule } from "./identity/index.js";
import { createClosedLoopModule, createFeedbackModule, playbookHints } from "./feedback/index.js";
import { createCrmModule } from "./crm/index.js";
import { createCampaignsModule } from "./campaigns/index.js";
import { createTouchpointsModule } from "./touchpoints/index.js";
import { createPrivacyModule, type QuotedPersonalData } from "./privacy/index.js";
import { deleteExpiredIdempotencyKeys } from "../platform/http/idempotency.js";
import { createAuditModule } from "./audit/index.js";
import { createAgreementModule } from "./agreement/index.js";
import { createScoringModule } from "./scoring/index.js";
import { createJobsModule, silentQueue, type JobLog, type JobQueue } from "./jobs/index.js";
import { createNotificationsModule, type NotificationMailSettings } from "./notifications/index.js";
import { createPredictiveModule } from "./predictive/index.js";
import { createPlaybooksModule } from "./playbooks/index.js";
import { createRoutingModule } from "./routing/index.js";
import { createSlaModule, slaEventData } from "./sla/index.js";
import { createWebhooksModule } from "./webhooks/index.js";
import { createReportsModule } from "./reports/index.js";
import { DEFAULT_CHROMIUM } from "../platform/pdf.js";
import { createAttributionModule } from "./attribution/index.js";
import { createWinLossModule } from "./winloss/index.js";
import { createTeamModule } from "./team/index.js";
import { createEnablementModule } from "./enablement/index.js";
import { createImportsModule, membersOf, reasonsOf } from "./imports/index.js";
import type { ScheduledTask } from "../platform/jobs/worker.js";
import { createGrowthModule } from "./growth/index.js";
import type { CsvExport } from "../platform/http/csv-export.js";
import { createCaptureModule } from "./capture/index.js";

export type ModuleDeps = {
  db: Database;
  clock: Clock;
  sessionKey: string;
  publicUrl: string;
  secureCookies: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  loginRateLimitPerMinute: number;
  /** Where new jobs are announced (pg-boss in a server); without one they wait to be drained. */
  jobQueue?: JobQueue;
  /** Where job failures are logged with their stack. */
  jobLog?: JobLog;
  /** SMTP settings for notification e-mails; none turns e-mail off. */
  mail?: NotificationMailSettings | null;
  /** Webhooks may target http:// and private addresses (TANDEM_WEBHOOKS_ALLOW_PRIVATE; tests, local development). */
  webhooksAllowPrivateTargets?: boolean;
  /** Chromium for PDF prints (quarterly reviews); Debian's `/usr/bin/chromium` by default. */
  chromiumPath?: string;
  /** Where uploaded content files are stored (`<data dir>/files`). */
  filesDir?: string;
  /** The data directory: uploaded import files live in its `imports/` folder (system temp folder when none). */
  dataDir?: string;
  /** Rows per committed import chunk. */
  importChunkRows?: number;
  /** Requests per minute a publishable key may make from one IP address (web capture; 120 by default). */
  captureRateLimitPerMinute?: number;
};

/** The one list of modules: each returns its routes and services; app.ts registers them. */
export function createModules(deps: ModuleDeps) {
  const jobs = createJobsModule({ db: deps.db, clock: deps.clock, queue: deps.jobQueue ?? silentQueue, log: deps.jobLog });
  const notifications = createNotificationsModule({ db: deps.db, clock: deps.clock, publicUrl: deps.publicUrl, mail: deps.mail, log: deps.jobLog });
  // Early, so any module may publish events (webhooks.webhooks.publishIn) in its own transactions.
  const webhooks = createWebhooksModule({ db: deps.db, clock: deps.clock, allowPrivateTargets: deps.webhooksAllowPrivateTargets });
  const feedback = createFeedbackModule({ db: deps.db });
  // Seeds a new workspace's defaults; modules created further down add theirs.
  const onWorkspaceCreated: ((tx: Tx, workspaceId: string, at: Date) => Promise<void>)[] = [(tx, workspaceId) => feedback.reasons.seedDefaults(tx, workspaceId)];
  const identity = createIdentityModule({ ...deps, onWorkspaceCreated });
  const crm = createCrmModule({ db: deps.db, clock: deps.clock, reasons: feedback.reasons });
  // First, so lead.mql is queued before routing's lead.assigned.
  crm.hooks.stageChanged.push(webhooks.producers.stageChanged);
  crm.hooks.dealClosed.push(webhooks.producers.dealClosed);
  // Attribution credits are rewritten in the transaction that creates or changes a deal.
  const attribution = createAttributionModule({ db: deps.db, clock: deps.clock });
  crm.hooks.dealChanged.push(attribution.onDealChanged);
  const campaigns = createCampaignsModule({ db: deps.db, clock: deps.clock });
  const privacy = createPrivacyModule({ db: deps.db, clock: deps.clock });
  const touchpoints = createTouchpointsModule({ db: deps.db, clock: deps.clock, contacts: crm, identity: crm.identityAccess, suppressions: privacy.suppressions });
  // Where an erasure also redacts the person: modules that quote a contact in their own records (enablement adds its part below).
  const quotedPersonalData: QuotedPersonalData[] = [notifications.notifications.redactPersonIn, webhooks.webhooks.redactPersonIn];
  const gdpr = privacy.withErasure(crm.erasure, touchpoints.erasure, quotedPersonalData);
  const audit = createAuditModule({ db: deps.db });
  const agreement = createAgreementModule({ db: deps.db, clock: deps.clock, jobs: jobs.jobs, notifications: notifications.notifications });
  const scoring = createScoringModule({ db: deps.db, clock: deps.clock, agreement: agreement.agreement, crm, touchpoints, jobs: jobs.jobs });
  const routing = createRoutingModule({ db: deps.db, clock: deps.clock, crm, notifications: notifications.notifications, agreement: agreement.agreement });
  crm.hooks.stageChanged.push(routing.handoffs.onStageChanged);
  routing.hooks.handedOff.push(webhooks.producers.handedOff);
  // After routing: the accept timer starts for the owner routing just chose.
  const sla = createSlaModule({ db: deps.db, clock: deps.clock, notifications: notifications.notifications, reassign: routing.handoffs.reassignIn });
  onWorkspaceCreated.push((tx, workspaceId, at) => sla.policies.seedDefaults(tx, workspaceId, at));
  crm.hooks.stageChanged.push(sla.timers.onStageChanged);
  touchpoints.hooks.touchpointsCreated.push(sla.timers.onTouchpoints);
  routing.hooks.handedOff.push(sla.timers.onHandedOff);
  sla.hooks.timerEvent.push((tx, workspaceId, e) => webhooks.publishIn(tx, workspaceId, e.type, slaEventData(e)).then(() => undefined));
  const predictive = createPredictiveModule({ db: deps.db, clock: deps.clock, jobs: jobs.jobs });
  // Records the recommended playbook in the handoff's transaction.
  // Playbook steps count business days of the workspace's calendar.
  const playbooks = createPlaybooksModule({ db: deps.db, clock: deps.clock, calendarFor: (tx, workspaceId) => sla.calendars.calendarFor(tx, workspaceId, null) });
  routing.hooks.handedOff.push(playbooks.onHandedOff);
  const authenticator: Authenticator = { bySession: identity.auth.bySession, byToken: identity.auth.byToken };
  const routes: ((app: FastifyInstance) => Promise<void>)[] = [identity.routes, feedback.routes, crm.routes, campaigns.routes, touchpoints.routes, gdpr.routes, audit.routes, agreement.routes, scoring.routes, jobs.routes, notifications.routes, routing.routes];
  // Cron tasks the job worker runs once per workspace.
  const schedules: ScheduledTask[] = [
    // Stored Idempotency-Key responses live 24 h (DESIGN §7); hourly keeps them at most 25 h.
    { name: "idempotency-cleanup", cron: "23 * * * *", runForWorkspace: (workspaceId) => deleteExpiredIdempotencyKeys(deps.db, workspaceId, deps.clock.now()).then(() => undefined) },
  ];
  routes.push(predictive.routes);
  schedules.push(...predictive.schedules);
  schedules.push(...notifications.schedules);
  routes.push(playbooks.routes);
  routes.push(sla.routes);
  schedules.push(...sla.schedules);
  const closedLoop = createClosedLoopModule({ db: deps.db, clock: deps.clock, crm, agreement: agreement.agreement, sla: sla.ledger, notifications: notifications.notifications, playbooks: { hints: playbookHints(playbooks.recommendIn) } });
  crm.hooks.stageChanged.push(closedLoop.onStageChanged);
  routes.push(closedLoop.routes);
  routes.push(webhooks.routes);
  schedules.push(...webhooks.schedules);
  const reports = createReportsModule({ db: deps.db, clock: deps.clock, chromiumPath: deps.chromiumPath ?? DEFAULT_CHROMIUM, notifications: notifications.notifications, jobs: jobs.jobs });
  schedules.push(...reports.schedules);
  // Deal facts for the dashboards (closed deals' sales activities) follow the deal and late touches of its people.
  crm.hooks.dealChanged.push(reports.dealFacts.onDealChanged);
  touchpoints.hooks.touchpointsCreated.push(reports.dealFacts.onTouchpointsCreated);
  routes.push(reports.routes);
  routes.push(createWinLossModule({ run: reports.run }).routes);
  const team = createTeamModule({ db: deps.db, clock: deps.clock });
  routes.push(team.routes);
  const growth = createGrowthModule({ db: deps.db, clock: deps.clock, crm, run: reports.run });
  routes.push(growth.routes);
  const enablement = createEnablementModule({ db: deps.db, clock: deps.clock, publicUrl: deps.publicUrl, filesDir: deps.filesDir ?? path.join(os.tmpdir(), "tandem-files"), crm, touchpoints: touchpoints.touchpoints, campaigns, notifications: notifications.notifications, jobs: jobs.jobs, refreshFit: scoring.scoring.refreshFit });
  crm.hooks.dealChanged.push(enablement.competitors.onDealChanged);
  // First: persona matching runs before fit scoring reads contact.persona (docs/ENABLEMENT.md, "Personas").
  crm.hooks.contactChanged.unshift(enablement.personas.onContactChanged);
  crm.hooks.contactsChanged.unshift(enablement.personas.onContactsChanged);
  crm.hooks.accountChanged.unshift(enablement.personas.onAccountChanged);
  schedules.push(...enablement.schedules);
  routes.push(enablement.routes);
  quotedPersonalData.push(enablement.erasure.forgetContactIn);
  // Routes served outside /api/v1 (public tracked links).
  const rootRoutes: ((app: FastifyInstance) => Promise<void>)[] = [enablement.rootRoutes];
  const imports = createImportsModule({ db: deps.db, clock: deps.clock, jobs: jobs.jobs, members: membersOf(identity), dataDir: deps.dataDir ?? path.join(os.tmpdir(), "tandem-data"), chunkRows: deps.importChunkRows, reasons: reasonsOf(feedback), dealsChangedIn: crm.dealsChangedIn, ingest: touchpoints.ingest, onImported: async (workspaceId, entity) => {
    // Imported contacts and accounts (industry, size) may match other personas.
    if (entity === "contacts" || entity === "accounts") await enablement.personas.queueApply(workspaceId);
  } });
  routes.push(imports.routes);
  quotedPersonalData.push(imports.erasure.forgetPersonIn);
  const capture = createCaptureModule({ db: deps.db, clock: deps.clock, ingest: touchpoints.ingest, rateLimitPerMinute: deps.captureRateLimitPerMinute ?? 120 });
  routes.push(capture.routes);
  rootRoutes.push(capture.rootRoutes);
  // Every list's CSV export (HTTP routes registered by their modules; the CLI's `tandem export` reads this list).
  const csvExports: CsvExport[] = [
    ...crm.csvExports,
    ...campaigns.csvExports,
    ...touchpoints.csvExports,
    ...routing.csvExports,
    ...closedLoop.csvExports,
    ...feedback.csvExports,
    ...imports.csvExports,
    ...identity.csvExports,
    ...audit.csvExports,
    ...enablement.csvExports,
  ];
  return { csvExports, capture, growth, imports, routes, rootRoutes, enablement, schedules, authenticator, identity, feedback, crm, campaigns, touchpoints, audit, agreement, scoring, jobs, notifications, routing, predictive, sla, playbooks, webhooks, closedLoop, reports, attribution, team, privacy, gdpr };
}

export type Modules = ReturnType<typeof createModules>;
