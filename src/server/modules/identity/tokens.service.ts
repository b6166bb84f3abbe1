import type { Database } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import type { RequestContext } from "../../platform/actor.js";
import { recordAudit } from "../../platform/audit.js";
import { randomToken, sha256 } from "../../platform/crypto.js";
import { newId } from "../../platform/ids.js";
import { notFound } from "../../../shared/errors.js";
import type { CreateApiTokenBody } from "../../../shared/contracts/auth.js";
import type { IdentityRepository } from "./identity.repository.js";
import { canManageToken } from "./identity.policy.js";
import { API_TOKEN_PREFIX } from "./auth.service.js";

type Deps = { db: Database; repo: IdentityRepository; clock: Clock };

type Scope = "read" | "write";

/** API tokens: created for the signed-in user, shown once, stored hashed, revocable. */
export function createTokensService({ db, repo, clock }: Deps) {
  const asScopes = (s: string[]) => s.filter((x): x is Scope => x === "read" || x === "write");

  /** The caller's tokens (admins see everyone's). */
  async function listTokens(ctx: RequestContext) {
    const rows = await db.inWorkspace(ctx.workspaceId, (tx) => repo.listApiTokens(tx, ctx.workspaceId, ctx.actor.role === "admin" ? null : ctx.actor.userId));
    return rows.map((r) => ({ ...r, scopes: asScopes(r.scopes) }));
  }

  /** Creates a token for the caller; the secret is in this response only. */
  async function createToken(ctx: RequestContext, body: CreateApiTokenBody) {
    const secret = `${API_TOKEN_PREFIX}${randomToken(30)}`;
    const now = clock.now();
    const id = newId();
    const row = {
      workspaceId: ctx.workspaceId,
      id,
      userId: ctx.actor.userId,
      name: body.name,
      prefix: secret.slice(0, API_TOKEN_PREFIX.length + 6),
      tokenHash: sha256(secret),
      scopes: [...new Set(body.scopes)],
      createdAt: now,
      expiresAt: body.expiresInDays ? new Date(now.getTime() + body.expiresInDays * 86_400_000) : null,
    };
    await db.inWorkspace(ctx.workspaceId, async (tx) => {
      await repo.insertApiToken(tx, row);
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "api_token.created", entity: "api_token", entityId: id, changes: { name: body.name, scopes: row.scopes } }, ctx.requestId);
    });
    return { id, name: row.name, prefix: row.prefix, scopes: asScopes(row.scopes), userId: row.userId, createdAt: now, lastUsedAt: null, expiresAt: row.expiresAt, revokedAt: null, token: secret };
  }

  /** Revokes a token; others' tokens are 404 unless the caller is an admin. */
  async function revokeToken(ctx: RequestContext, tokenId: string) {
    const now = clock.now();
    await db.inWorkspace(ctx.workspaceId, async (tx) => {
      const token = await repo.findApiTokenById(tx, ctx.workspaceId, tokenId);
      if (!token || !canManageToken(ctx.actor, token.userId)) throw notFound("API token");
      await repo.revokeApiToken(tx, ctx.workspaceId, tokenId, now);
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "api_token.revoked", entity: "api_token", entityId: tokenId }, ctx.requestId);
    });
  }

  return { listTokens, createToken, revokeToken };
}

export type TokensService = ReturnType<typeof createTokensService>;
