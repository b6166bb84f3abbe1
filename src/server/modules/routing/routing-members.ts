import type { Queryable } from "../../db/client.js";
import { invalidField } from "../../../shared/errors.js";
import type { Role } from "../../../shared/domain/roles.js";
import type { MemberFacts, RoutingRepository } from "./routing.repository.js";

/**
 * Checks that every id names an active member of the workspace whose role fits; a foreign or unknown id is a 400 on
 * the field (`body.memberIds.2`), like any other unknown reference in a body.
 */
export async function requireMembers(
  repo: Pick<RoutingRepository, "findMembers">,
  tx: Queryable,
  workspaceId: string,
  ids: { path: string; userId: string }[],
  fits: { test: (role: Role) => boolean; message: string },
): Promise<MemberFacts[]> {
  const found = new Map((await repo.findMembers(tx, workspaceId, [...new Set(ids.map((i) => i.userId))])).map((m) => [m.userId, m]));
  return ids.map(({ path, userId }) => {
    const m = found.get(userId);
    if (!m) throw invalidField(path, "no such member in this workspace");
    if (!m.active) throw invalidField(path, `${m.name} is deactivated`);
    if (!fits.test(m.role)) throw invalidField(path, `${m.name} ${fits.message}`);
    return m;
  });
}
