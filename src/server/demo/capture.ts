/**
 * The demo's web capture set-up (issue 6 item 2): a publishable key and local origins, so the example page
 * (/capture/example?key=…, linked from Settings → Web capture and printed at start) works right after `npm start`.
 */
import type { PoolClient } from "pg";
import type { DemoContext } from "./context.js";
import { Rng, mixSeed } from "./prng.js";

const KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
/** Local development pages; Tandem's own example page is same-origin and needs no entry. */
export const DEMO_CAPTURE_ORIGINS = ["http://localhost:3000", "http://127.0.0.1:3000"] as const;

/** The demo workspace's publishable key: its id in clear, then 32 seeded characters (same seed, same key). */
export function demoPublishableKey(ctx: Pick<DemoContext, "seed" | "workspaceId">): string {
  const rng = new Rng(mixSeed(ctx.seed, 0xca97));
  const secret = Array.from({ length: 32 }, () => rng.pick([...KEY_ALPHABET])).join("");
  return `pk_${ctx.workspaceId.replace(/-/g, "")}_${secret}`;
}

/** Inserts the capture settings row; returns the key. */
export async function insertDemoCapture(client: PoolClient, ctx: DemoContext): Promise<string> {
  const key = demoPublishableKey(ctx);
  const at = new Date(ctx.now - 30 * 86_400_000);
  await client.query("insert into capture_settings (workspace_id, publishable_key, allowed_origins, rotated_at, updated_at) values ($1, $2, $3, $4, $4)", [ctx.workspaceId, key, DEMO_CAPTURE_ORIGINS, at]);
  return key;
}
