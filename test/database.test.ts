import pg from "pg";
import { sql } from "drizzle-orm";
import { inject } from "vitest";
import { describe, expect, it } from "vitest";
import { getTableConfig } from "drizzle-orm/pg-core";
import { schemaTables } from "../src/server/db/schema-tables.js";
import { runMigrations, withDatabase } from "../src/server/db/migrate.js";
import { useHarness } from "./harness.js";

const h = useHarness();

const tables = schemaTables();
// Global by design: users log into several workspaces; a session picks one.
const GLOBAL_TABLES = new Set(["users", "sessions"]);
// Serves the one look-up that must cross tenants (a user's workspaces at login), through a SECURITY DEFINER function.
const CROSS_TENANT_INDEXES = new Set(["memberships_user_idx"]);

/** The PostgreSQL message of a failed query (Drizzle wraps it). */
async function pgFailure(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    const cause = (err as { cause?: { message?: string } }).cause;
    return cause?.message ?? (err as Error).message;
  }
  return "no error";
}

describe("database", () => {
  it("applies every migration to an empty database", async () => {
    const server = inject("pgUrl");
    const name = `tandem_test_fresh_${Date.now()}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`create database ${name}`);
    try {
      await runMigrations(withDatabase(server, name), inject("appPassword"));
      const c = new pg.Client({ connectionString: withDatabase(server, name) });
      await c.connect();
      const res = await c.query("select count(*)::int as n from pg_tables where schemaname = 'public'");
      await c.end();
      expect(res.rows[0].n).toBe(tables.length);
      // Applying again is a no-op.
      await runMigrations(withDatabase(server, name), inject("appPassword"));
    } finally {
      await admin.query(`drop database ${name} with (force)`);
      await admin.end();
    }
  });

  it("follows DESIGN §5 on every tenant table: workspace_id first in the key, forced RLS, tenant-leading indexes and foreign keys", async () => {
    const rls = await h.tdb.ownerDb.pool.query<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }>(
      "select relname, relrowsecurity, relforcerowsecurity from pg_class where relnamespace = 'public'::regnamespace and relkind = 'r'",
    );
    const byName = new Map(rls.rows.map((r) => [r.relname, r]));
    for (const table of tables) {
      const cfg = getTableConfig(table);
      if (GLOBAL_TABLES.has(cfg.name)) continue;
      const row = byName.get(cfg.name);
      expect(row?.relrowsecurity && row.relforcerowsecurity, `${cfg.name} forces RLS`).toBe(true);
      if (cfg.name === "workspaces") continue;
      const pk = cfg.primaryKeys[0]?.columns.map((c) => c.name) ?? [];
      expect(pk[0], `${cfg.name} primary key starts with workspace_id`).toBe("workspace_id");
      for (const idx of cfg.indexes) {
        if (CROSS_TENANT_INDEXES.has(idx.config.name ?? "")) continue;
        const first = idx.config.columns[0] as { name?: string } | undefined;
        expect(first?.name, `${cfg.name}.${idx.config.name} leads with workspace_id`).toBe("workspace_id");
      }
      for (const u of cfg.uniqueConstraints) expect(u.columns[0]?.name, `${cfg.name}.${u.name} includes workspace_id first`).toBe("workspace_id");
      for (const fk of cfg.foreignKeys) {
        const ref = fk.reference();
        if (getTableConfig(ref.foreignTable).name === "users") continue;
        expect(ref.columns[0]?.name, `${cfg.name} foreign key to ${getTableConfig(ref.foreignTable).name} includes workspace_id`).toBe("workspace_id");
      }
    }
  });

  it("never nulls workspace_id on delete: a SET NULL foreign key over (workspace_id, x) names x alone", async () => {
    const res = await h.tdb.ownerDb.pool.query<{ name: string; table: string; setcols: string[] | null; keycols: string[] }>(`
      select con.conname as name, con.conrelid::regclass::text as table,
        (select array_agg(a.attname::text) from unnest(con.confdelsetcols) k join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k) as setcols,
        (select array_agg(a.attname::text) from unnest(con.conkey) k join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k) as keycols
      from pg_constraint con
      where con.contype = 'f' and con.confdeltype = 'n' and con.connamespace = 'public'::regnamespace`);
    expect(res.rows.length).toBeGreaterThan(10);
    for (const fk of res.rows) {
      if (!fk.keycols.includes("workspace_id")) continue;
      expect(fk.setcols ?? fk.keycols, `${fk.table}: ${fk.name} sets only its reference to null`).not.toContain("workspace_id");
    }
  });

  it("shows the app role nothing when no workspace is set, and only its own workspace when one is", async () => {
    const a = await h.workspace("Alpha");
    const b = await h.workspace("Beta");
    await h.as(a.users.admin).post("/api/v1/accounts", { name: "Alpha Co" });
    await h.as(b.users.admin).post("/api/v1/accounts", { name: "Beta Co" });
    const app = await h.tdb.db.pool.connect();
    try {
      const bare = await app.query("select count(*)::int as n from accounts");
      expect(bare.rows[0].n).toBe(0);
      const ws = await app.query("select count(*)::int as n from workspaces");
      expect(ws.rows[0].n).toBe(0);
      await app.query("begin");
      await app.query("select set_config('app.workspace_id', $1, true)", [a.workspaceId]);
      const scoped = await app.query("select name from accounts");
      expect(scoped.rows.map((r) => r.name)).toEqual(["Alpha Co"]);
      // Writing a row for another workspace is refused by the policy's WITH CHECK.
      await expect(
        app.query("insert into accounts (workspace_id, id, name, created_at, updated_at) values ($1, gen_random_uuid(), 'Sneaky', now(), now())", [b.workspaceId]),
      ).rejects.toThrow(/row-level security/);
      await app.query("rollback");
    } finally {
      app.release();
    }
  });

  it("keeps the audit log and touchpoints append-only for the app role", async () => {
    const a = await h.workspace("Append");
    await h.as(a.users.admin).post("/api/v1/accounts", { name: "Audited" });
    const run = (q: string) => pgFailure(h.tdb.db.inWorkspace(a.workspaceId, (tx) => tx.execute(sql.raw(q))));
    expect(await run("update audit_log set action = 'x'")).toMatch(/permission denied/);
    expect(await run("delete from audit_log")).toMatch(/permission denied/);
    expect(await run("update touchpoints set type = 'x'")).toMatch(/permission denied/);
  });

  it("connects as a role that owns nothing and cannot bypass RLS", async () => {
    const res = await h.tdb.db.pool.query("select rolsuper, rolbypassrls from pg_roles where rolname = current_user");
    expect(res.rows[0]).toEqual({ rolsuper: false, rolbypassrls: false });
    const owned = await h.tdb.db.pool.query("select count(*)::int as n from pg_tables where schemaname = 'public' and tableowner = current_user");
    expect(owned.rows[0].n).toBe(0);
  });
});
