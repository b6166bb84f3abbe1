import type { FastifyInstance } from "fastify";
import type { Database, Tx } from "../../db/client.js";
import type { ErasedPerson } from "../../../shared/domain/redact.js";
import type { Clock } from "../../platform/clock.js";
import type { RequestContext } from "../../platform/actor.js";
import type { CrmModule } from "../crm/index.js";
import type { TouchpointsService } from "../touchpoints/index.js";
import { createAssetsRepository } from "./assets.repository.js";
import { createAssetsService } from "./assets.service.js";
import { createAssetSharesRepository } from "./assets-shares.repository.js";
import { createAssetSharesService } from "./assets-shares.service.js";
import { createFileStore } from "./assets-files.js";
import { assetsRoutes, trackedLinkRoutes } from "./assets.routes.js";

type Deps = {
  db: Database;
  clock: Clock;
  publicUrl: string;
  filesDir: string;
  crm: Pick<CrmModule, "contactAccountId" | "contacts" | "deals">;
  touchpoints: Pick<TouchpointsService, "appendInTx">;
  dealCompetitorNames: (ctx: RequestContext, dealId: string) => Promise<string[]>;
};

/** The content library and references half of enablement, wired once so index.ts stays a few lines. */
export function createContentParts({ db, clock, publicUrl, filesDir, crm, touchpoints, dealCompetitorNames }: Deps) {
  const repo = createAssetsRepository();
  const files = createFileStore(filesDir);
  const assets = createAssetsService({ db, repo, files, clock, crm, dealCompetitorNames });
  const sharesRepo = createAssetSharesRepository();
  const shares = createAssetSharesService({ db, repo: sharesRepo, assets: repo, clock, publicUrl, crm, touchpoints });
  async function routes(app: FastifyInstance) {
    await app.register(assetsRoutes, { assets, shares, files });
  }
  /** Routes outside /api/v1: the public tracked link. */
  async function rootRoutes(app: FastifyInstance) {
    await app.register(trackedLinkRoutes, { shares, files });
  }
  /** GDPR erasure: asset events keep counting a use but no longer name the erased contact (shares cascade with it). */
  const erasure = { forgetContactIn: (tx: Tx, workspaceId: string, person: ErasedPerson) => sharesRepo.forgetContact(tx, workspaceId, person.contactId).then(() => undefined) };
  return { routes, rootRoutes, assets, shares, erasure };
}
