import path from "node:path";
import type { FastifyInstance } from "fastify";
import type { Database } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import type { JobsService } from "../jobs/index.js";
import { createImportsRepository } from "./imports.repository.js";
import { createImportsService } from "./imports.service.js";
import { createImportRunner, type Member } from "./import.runner.js";
import { importsRoutes } from "./imports.routes.js";
import { createImportsErasure } from "./imports.erasure.js";
import { createImportsExports } from "./imports.exports.js";
import { csvExportRoutes } from "../../platform/http/csv-export.js";
import { accountsWriter, contactsWriter } from "./crm.writers.js";
import { createDealsWriter } from "./deals.writer.js";
import { campaignsWriter } from "./campaigns.writer.js";
import { createTouchpointsWriter } from "./touchpoints.writer.js";
import type { IngestService } from "../touchpoints/index.js";
import type { Tx } from "../../db/client.js";
import type { ReasonOption } from "../../../shared/domain/import-values.js";
import type { ReasonCodesService } from "../feedback/index.js";
import { systemActor } from "../../platform/actor.js";
import type { ImportEntity } from "../../../shared/domain/imports.js";
import { ListUsersQuerySchema } from "../../../shared/contracts/users.js";
import type { UsersService } from "../identity/users.service.js";

type Deps = {
  db: Database;
  clock: Clock;
  jobs: Pick<JobsService, "enqueueIn" | "announce" | "register">;
  /** The workspace's members, for matching owners by e-mail or name. */
  members: (workspaceId: string) => Promise<Member[]>;
  /** The data directory; uploaded files live in its `imports/` folder. */
  dataDir: string;
  /** Rows per committed chunk (tests use small chunks to crash between them). */
  chunkRows?: number;
  /** Called after a real import wrote records (persona matching queues its re-apply job). */
  onImported?: (workspaceId: string, entity: ImportEntity) => Promise<void>;
  /** The reason taxonomy, for closed deals' win and loss reasons. */
  reasons: (workspaceId: string) => Promise<ReasonOption[]>;
  /** crm's dealChanged hooks for deals an import wrote. */
  dealsChangedIn: (tx: Tx, workspaceId: string, dealIds: readonly string[]) => Promise<void>;
  /** The touchpoints module's ingest pipeline, which touchpoint imports go through. */
  ingest: Pick<IngestService, "ingestManyIn">;
};

/** CSV import with HubSpot/Salesforce presets, dry runs, dedupe, error reports and resumable chunks (docs/IMPORTS.md). */
export function createImportsModule({ db, clock, jobs, members, dataDir, chunkRows = 5_000, onImported, reasons, dealsChangedIn, ingest }: Deps) {
  const repo = createImportsRepository();
  const filesDir = path.join(dataDir, "imports");
  const imports = createImportsService({ db, repo, clock, jobs, filesDir });
  const writers = { accounts: accountsWriter, contacts: contactsWriter, deals: createDealsWriter({ reasons, dealsChangedIn }), campaigns: campaignsWriter, touchpoints: createTouchpointsWriter({ ingestManyIn: ingest.ingestManyIn }) };
  jobs.register("import", createImportRunner({ db, repo, clock, writers, members, filesDir, chunkRows, onImported }));
  const csvExports = createImportsExports({ imports });
  async function routes(app: FastifyInstance) {
    await app.register(csvExportRoutes(csvExports));
    await app.register(importsRoutes, { imports });
  }
  const erasure = createImportsErasure({ filesDir });
  return { routes, imports, csvExports, erasure };
}

export type { ImportsService } from "./imports.service.js";

/** The reason taxonomy look-up imports need, through the feedback module's reason codes service. */
export function reasonsOf(feedback: { reasons: Pick<ReasonCodesService, "listReasonCodes"> }) {
  return (workspaceId: string): Promise<ReasonOption[]> =>
    feedback.reasons.listReasonCodes({ workspaceId, actor: systemActor("00000000-0000-0000-0000-000000000000"), sessionId: null, requestId: "import" });
}

/** The members look-up imports need, through the identity module's users service. */
export function membersOf(identity: { users: Pick<UsersService, "listUsers"> }) {
  return async (workspaceId: string): Promise<Member[]> => {
    const out: Member[] = [];
    let cursor: string | undefined;
    do {
      const ctx = { workspaceId, actor: systemActor("00000000-0000-0000-0000-000000000000"), sessionId: null, requestId: "import" };
      const page = await identity.users.listUsers(ctx, ListUsersQuerySchema.parse({ limit: 500, cursor }));
      for (const u of page.items) out.push({ id: u.id, email: u.email, name: u.name, role: u.role });
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return out;
  };
}
