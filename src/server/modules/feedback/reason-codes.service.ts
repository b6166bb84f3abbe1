import type { Database, Queryable, Tx } from "../../db/client.js";
import type { RequestContext } from "../../platform/actor.js";
import { newId } from "../../platform/ids.js";
import { invalidField } from "../../../shared/errors.js";
import { DEFAULT_REASON_CODES } from "../../../shared/domain/reasons.js";
import { REASON_KINDS, type ReasonKind } from "../../../shared/contracts/reason-codes.js";
import type { ReasonCodesRepository } from "./reason-codes.repository.js";

type Deps = { db: Database; repo: ReasonCodesRepository };

/** The workspace's reason taxonomies: reject, recycle, disqualify, loss, no decision, win. */
export function createReasonCodesService({ db, repo }: Deps) {
  /** Lists the codes, optionally of one kind. */
  function listReasonCodes(ctx: RequestContext, kind?: ReasonKind) {
    return db.inWorkspace(ctx.workspaceId, (tx) => repo.list(tx, ctx.workspaceId, kind));
  }

  /** Throws a 400 on `path` unless `code` is an active code of `kind` in the workspace. */
  async function assertActiveReason(tx: Queryable, workspaceId: string, kind: ReasonKind, code: string, path: string): Promise<void> {
    const row = await repo.find(tx, workspaceId, kind, code);
    if (!row || !row.active) {
      const valid = (await repo.list(tx, workspaceId, kind)).filter((r) => r.active).map((r) => r.code);
      throw invalidField(path, `'${code}' is not a ${kind} reason; use one of: ${valid.join(", ")}`);
    }
  }

  /** Seeds the default taxonomy into a new workspace. */
  async function seedDefaults(tx: Tx, workspaceId: string): Promise<void> {
    const rows = REASON_KINDS.flatMap((kind) =>
      DEFAULT_REASON_CODES[kind].map((r, position) => ({ workspaceId, id: newId(), kind, code: r.code, label: r.label, position })),
    );
    await repo.insertMany(tx, rows);
  }

  return { listReasonCodes, assertActiveReason, seedDefaults };
}

export type ReasonCodesService = ReturnType<typeof createReasonCodesService>;
