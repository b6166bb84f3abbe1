import type { Modules } from "../../server/modules/index.js";
import { systemActor, type RequestContext } from "../../server/platform/actor.js";
import { ListUsersQuerySchema } from "../../shared/contracts/users.js";

/**
 * The request context a CLI command acts with in a workspace: its first active admin (by name), so the audit log
 * names a person, and the request id `cli`. Throws when the slug or the admin is missing.
 */
export async function adminContext(modules: Pick<Modules, "identity">, slug: string): Promise<RequestContext> {
  const workspaceId = await modules.identity.workspaces.findWorkspaceId(slug);
  if (!workspaceId) throw new Error(`no workspace with slug ${slug}`);
  const probe = { workspaceId, actor: systemActor("00000000-0000-0000-0000-000000000000"), sessionId: null, requestId: "cli" };
  const admins = await modules.identity.users.listUsers(probe, ListUsersQuerySchema.parse({ role: "admin", active: "true", limit: 1 }));
  const admin = admins.items[0];
  if (!admin) throw new Error(`workspace ${slug} has no admin`);
  return { ...probe, actor: { ...systemActor(admin.id), name: admin.name } };
}
