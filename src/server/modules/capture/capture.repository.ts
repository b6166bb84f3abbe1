import { eq } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { captureSettings } from "../../db/schema/index.js";

export type CaptureSettingsRow = typeof captureSettings.$inferSelect;

/** The one capture settings row of a workspace. */
export function createCaptureRepository() {
  return {
    /** The workspace's settings, optionally locked for an update; null before the first key. */
    async find(tx: Queryable, workspaceId: string, lock = false): Promise<CaptureSettingsRow | null> {
      const q = tx.select().from(captureSettings).where(eq(captureSettings.workspaceId, workspaceId));
      const [row] = lock ? await q.for("update") : await q;
      return row ?? null;
    },

    /** Creates the row or replaces its key (a rotation); the origins stay. */
    async putKey(tx: Queryable, workspaceId: string, publishableKey: string, at: Date): Promise<CaptureSettingsRow> {
      const [row] = await tx
        .insert(captureSettings)
        .values({ workspaceId, publishableKey, allowedOrigins: [], rotatedAt: at, updatedAt: at })
        .onConflictDoUpdate({ target: captureSettings.workspaceId, set: { publishableKey, rotatedAt: at, updatedAt: at } })
        .returning();
      return row!;
    },

    /** Replaces the allowed origins of an existing row. */
    async setOrigins(tx: Queryable, workspaceId: string, allowedOrigins: string[], at: Date): Promise<CaptureSettingsRow> {
      const [row] = await tx.update(captureSettings).set({ allowedOrigins, updatedAt: at }).where(eq(captureSettings.workspaceId, workspaceId)).returning();
      return row!;
    },
  };
}

export type CaptureRepository = ReturnType<typeof createCaptureRepository>;
