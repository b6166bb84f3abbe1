import { and, eq, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { personas } from "../../db/schema/index.js";

export type PersonaRow = typeof personas.$inferSelect;

const byId = (workspaceId: string, id: string) => and(eq(personas.workspaceId, workspaceId), eq(personas.id, id));

/** Data access for persona definitions. */
export function createPersonasRepository() {
  return {
    /** Every definition, by name. */
    list(tx: Queryable, workspaceId: string): Promise<PersonaRow[]> {
      return tx.select().from(personas).where(eq(personas.workspaceId, workspaceId)).orderBy(sql`lower(${personas.name})`);
    },

    /** One definition (locked for update when asked). */
    async findById(tx: Queryable, workspaceId: string, id: string, lock = false): Promise<PersonaRow | null> {
      const q = tx.select().from(personas).where(byId(workspaceId, id));
      const rows = lock ? await q.for("update") : await q;
      return rows[0] ?? null;
    },

    /** The definition with this name, ignoring case. */
    async findByName(tx: Queryable, workspaceId: string, name: string): Promise<PersonaRow | null> {
      const rows = await tx.select().from(personas).where(and(eq(personas.workspaceId, workspaceId), sql`lower(${personas.name}) = lower(${name.trim()})`));
      return rows[0] ?? null;
    },

    /** Inserts a definition; null when the name is taken. */
    async insert(tx: Queryable, row: typeof personas.$inferInsert): Promise<PersonaRow | null> {
      const rows = await tx.insert(personas).values(row).onConflictDoNothing().returning();
      return rows[0] ?? null;
    },

    /** Changes a definition. */
    async update(tx: Queryable, workspaceId: string, id: string, patch: Partial<typeof personas.$inferInsert>): Promise<PersonaRow> {
      const rows = await tx.update(personas).set(patch).where(byId(workspaceId, id)).returning();
      return rows[0]!;
    },

    /** Deletes a definition (insights and messages keep their text, their link is cleared). */
    async delete(tx: Queryable, workspaceId: string, id: string): Promise<void> {
      await tx.delete(personas).where(byId(workspaceId, id));
    },
  };
}

export type PersonasRepository = ReturnType<typeof createPersonasRepository>;
