import type { Actor } from "../../platform/actor.js";
import { requireRole } from "../../platform/actor.js";
import { PERMISSIONS } from "../../../shared/domain/permissions.js";
import type { ImportEntity } from "../../../shared/domain/imports.js";

/**
 * Admins and managers import anything; marketing also imports its own records (campaigns and touchpoints), which
 * create no people, owners or deals.
 */
export function requireImportRole(actor: Actor, entity: ImportEntity): void {
  const marketingOwned = entity === "campaigns" || entity === "touchpoints";
  requireRole(actor, marketingOwned ? PERMISSIONS.importMarketingRecords : PERMISSIONS.importRecords, `import ${entity}`);
}
