import type { AuditEntry } from "../../../../shared/contracts/audit.js";
import type { Query } from "../../../lib/api-client";
import { useCursorList } from "../../../lib/use-cursor-list";

/** The workspace audit log, newest first, paged (ListAuditQuery). */
export function useAuditLog(query: Query) {
  return useCursorList<AuditEntry>(["audit"], "/audit", query);
}
