import { auditLog } from "../db/schema/index.js";
import type { Queryable } from "../db/client.js";
import type { Actor } from "./actor.js";
import { newId } from "./ids.js";

export type AuditInput = {
  action: string;
  entity: string;
  entityId?: string | null;
  changes?: Record<string, unknown> | null;
};

/** Records one write in the audit log, in the caller's transaction so the two commit together. */
export async function recordAudit(tx: Queryable, workspaceId: string, actor: Actor | null, at: Date, input: AuditInput, requestId?: string): Promise<void> {
  await tx.insert(auditLog).values({
    workspaceId,
    id: newId(),
    at,
    actorUserId: actor?.userId ?? null,
    actorTokenId: actor?.tokenId ?? null,
    action: input.action,
    entity: input.entity,
    entityId: input.entityId ?? null,
    changes: input.changes ? redact(input.changes) : null,
    requestId: requestId ?? null,
  });
}

const SECRET_KEYS = new Set(["password", "passwordHash", "token", "tokenHash"]);

function redact(changes: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, SECRET_KEYS.has(k) ? "[redacted]" : v]));
}

/** The fields of `patch` whose value differs from `before`, as `{ field: { from, to } }`. */
export function diffFields(before: Record<string, unknown>, patch: Record<string, unknown>): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const [k, to] of Object.entries(patch)) {
    if (to === undefined) continue;
    const from = before[k];
    if (JSON.stringify(normalise(from)) !== JSON.stringify(normalise(to))) out[k] = { from: from ?? null, to };
  }
  return out;
}

function normalise(v: unknown): unknown {
  return v instanceof Date ? v.toISOString() : v ?? null;
}
