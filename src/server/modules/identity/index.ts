import type { FastifyInstance } from "fastify";
import type { Database, Tx } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import { createIdentityRepository } from "./identity.repository.js";
import { createAuthService } from "./auth.service.js";
import { createUsersService } from "./users.service.js";
import { createTokensService } from "./tokens.service.js";
import { createWorkspacesService } from "./workspaces.service.js";
import { authRoutes } from "./auth.routes.js";
import { usersRoutes } from "./users.routes.js";
import { createUsersExports } from "./users.exports.js";
import { csvExportRoutes } from "../../platform/http/csv-export.js";
import { tokensRoutes } from "./tokens.routes.js";

export type IdentityDeps = {
  db: Database;
  clock: Clock;
  sessionKey: string;
  publicUrl: string;
  secureCookies: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  loginRateLimitPerMinute: number;
  onWorkspaceCreated: ((tx: Tx, workspaceId: string, at: Date) => Promise<void>)[];
};

/** Workspaces, users, auth, sessions and API tokens. */
export function createIdentityModule(deps: IdentityDeps) {
  const repo = createIdentityRepository();
  const auth = createAuthService({ ...deps, repo });
  const users = createUsersService({ ...deps, repo });
  const tokens = createTokensService({ ...deps, repo });
  const workspaces = createWorkspacesService({ ...deps, repo });
  const csvExports = createUsersExports({ users });
  async function routes(app: FastifyInstance) {
    await app.register(csvExportRoutes(csvExports));
    await app.register(authRoutes, { auth, secureCookies: deps.secureCookies, loginRateLimitPerMinute: deps.loginRateLimitPerMinute });
    await app.register(usersRoutes, { users });
    await app.register(tokensRoutes, { tokens });
  }
  return { routes, auth, users, tokens, workspaces, csvExports };
}

export type IdentityModule = ReturnType<typeof createIdentityModule>;
export type { WorkspacesService, CreateWorkspaceInput, AddMemberInput } from "./workspaces.service.js";
