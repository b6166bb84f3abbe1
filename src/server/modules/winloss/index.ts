import type { FastifyInstance } from "fastify";
import type { ReportsModule } from "../reports/index.js";
import { winLossRoutes } from "./winloss.routes.js";

/** Win/loss analysis over HTTP (the close rules themselves live in crm deals; the queries in src/server/reports/). */
export function createWinLossModule({ run }: { run: ReportsModule["run"] }) {
  async function routes(app: FastifyInstance) {
    await app.register(winLossRoutes, { run });
  }
  return { routes };
}
