import type { Database } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import type { RequestContext } from "../../platform/actor.js";
import { recordAudit } from "../../platform/audit.js";
import { randomToken } from "../../platform/crypto.js";
import type { CaptureSettings, UpdateCaptureOriginsBody } from "../../../shared/contracts/capture.js";
import type { CaptureRepository, CaptureSettingsRow } from "./capture.repository.js";
import { requireCaptureAdmin, requireCaptureReader } from "./capture.policy.js";

type Deps = { db: Database; repo: CaptureRepository; clock: Clock; rateLimitPerMinute: number };

/** A new publishable key: the workspace id in clear (so a public request finds its tenant), then 32 random characters. */
export function newPublishableKey(workspaceId: string, secret = randomToken(24)): string {
  return `pk_${workspaceId.replace(/-/g, "")}_${secret}`;
}

// The audit log keeps which key was replaced, not the key: the prefix names it well enough.
const keyLabel = (key: string) => `${key.slice(0, 12)}…${key.slice(-4)}`;

/** Web capture settings: the publishable key (create, rotate) and the origins allowed to call the public endpoints. */
export function createCaptureSettingsService({ db, repo, clock, rateLimitPerMinute }: Deps) {
  function view(row: CaptureSettingsRow | null): CaptureSettings {
    if (!row) return { publishableKey: null, allowedOrigins: [], rotatedAt: null, updatedAt: null, rateLimitPerMinute };
    return { publishableKey: row.publishableKey, allowedOrigins: row.allowedOrigins, rotatedAt: row.rotatedAt, updatedAt: row.updatedAt, rateLimitPerMinute };
  }


  /** The settings (admins and managers); an unconfigured workspace has no key and no origins. */
  async function getSettings(ctx: RequestContext): Promise<CaptureSettings> {
    requireCaptureReader(ctx.actor);
    return db.inWorkspace(ctx.workspaceId, async (tx) => view(await repo.find(tx, ctx.workspaceId)));
  }

  /** Creates the publishable key, or replaces it: the old key stops working at once. */
  async function rotateKey(ctx: RequestContext): Promise<CaptureSettings> {
    requireCaptureAdmin(ctx.actor, "create or rotate the publishable key");
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const before = await repo.find(tx, ctx.workspaceId, true);
      const row = await repo.putKey(tx, ctx.workspaceId, newPublishableKey(ctx.workspaceId), now);
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, {
        action: before ? "capture.key_rotated" : "capture.key_created",
        entity: "capture_settings",
        changes: { key: { from: before ? keyLabel(before.publishableKey) : null, to: keyLabel(row.publishableKey) } },
      }, ctx.requestId);
      return view(row);
    });
  }

  /** Replaces the allowed origins (creating the key first when there is none). */
  async function setOrigins(ctx: RequestContext, body: UpdateCaptureOriginsBody): Promise<CaptureSettings> {
    requireCaptureAdmin(ctx.actor, "change the allowed origins");
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      let before = await repo.find(tx, ctx.workspaceId, true);
      if (!before) {
        before = await repo.putKey(tx, ctx.workspaceId, newPublishableKey(ctx.workspaceId), now);
        await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "capture.key_created", entity: "capture_settings", changes: { key: { from: null, to: keyLabel(before.publishableKey) } } }, ctx.requestId);
      }
      const row = await repo.setOrigins(tx, ctx.workspaceId, body.allowedOrigins, now);
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "capture.origins_updated", entity: "capture_settings", changes: { allowedOrigins: { from: before.allowedOrigins, to: row.allowedOrigins } } }, ctx.requestId);
      return view(row);
    });
  }

  return { getSettings, rotateKey, setOrigins };
}

export type CaptureSettingsService = ReturnType<typeof createCaptureSettingsService>;
