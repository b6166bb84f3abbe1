import { AsyncLocalStorage } from "node:async_hooks";
import pg from "pg";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import * as schema from "./schema/index.js";

export type Orm = NodePgDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Orm["transaction"]>[0]>[0];
/** Something queries can run on: the ORM itself or an open transaction. */
export type Queryable = Orm | Tx;

// numeric and bigint come back as strings by default; amounts here fit a double exactly enough
// (cents up to 2^53), and counts never exceed it.
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export type Database = {
  pool: pg.Pool;
  orm: Orm;
  /**
   * Runs `fn` in a transaction that can see only `workspaceId` (RLS) — the one door to tenant data. The raw client
   * of the same transaction is there for what the ORM cannot do (COPY into a staging table).
   */
  inWorkspace<T>(workspaceId: string, fn: (tx: Tx, client: pg.PoolClient) => Promise<T>): Promise<T>;
  /**
   * Opens a workspace transaction that stays open after `run` returns: every `inWorkspace` for the same workspace
   * inside `run` joins it (as a savepoint), and the caller commits or rolls it back later. The idempotency plugin
   * uses it so a stored response commits with the effect it describes.
   */
  hold(workspaceId: string): Promise<HeldTransaction>;
  close(): Promise<void>;
};

/** A transaction opened by `hold`, joined by `inWorkspace` calls made inside `run`. */
export type HeldTransaction = {
  tx: Tx;
  run<T>(fn: () => Promise<T>): Promise<T>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  readonly open: boolean;
};

type Ambient = { workspaceId: string; client: pg.PoolClient; tx: Tx; savepoints: number };
const ambient = new AsyncLocalStorage<Ambient>();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Wraps a pool with the ORM and the tenant-scoped transaction helper. */
export function createDatabase(pool: pg.Pool): Database {
  const orm = drizzle(pool, { schema });
  return {
    pool,
    orm,
    async inWorkspace(workspaceId, fn) {
      if (!UUID.test(workspaceId)) throw new Error(`not a workspace id: ${workspaceId}`);
      const held = ambient.getStore();
      if (held && held.workspaceId === workspaceId) return inSavepoint(held, fn);
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        // One round trip opens the transaction and sets the tenant (a checked UUID, so inlining it is safe).
        await client.query(`begin; select set_config('app.workspace_id', '${workspaceId}', true)`);
        // No schema: building the relational-query config per transaction costs ~0.2 ms, and nothing here uses it.
        const result = await fn(drizzle(client) as unknown as Tx, client);
        await client.query("commit");
        return result;
      } catch (err) {
        await client.query("rollback").catch((e: Error) => {
          broken = e;
        });
        throw err;
      } finally {
        client.release(broken);
      }
    },
    async hold(workspaceId) {
      if (!UUID.test(workspaceId)) throw new Error(`not a workspace id: ${workspaceId}`);
      const client = await pool.connect();
      try {
        await client.query(`begin; select set_config('app.workspace_id', '${workspaceId}', true)`);
      } catch (err) {
        client.release(err as Error);
        throw err;
      }
      const store: Ambient = { workspaceId, client, tx: drizzle(client) as unknown as Tx, savepoints: 0 };
      let open = true;
      const end = async (statement: string) => {
        if (!open) return;
        open = false;
        let broken: Error | undefined;
        try {
          await client.query(statement);
        } catch (err) {
          broken = err as Error;
          if (statement === "commit") throw err;
        } finally {
          client.release(broken);
        }
      };
      return {
        tx: store.tx,
        run: (fn) => ambient.run(store, fn),
        commit: () => end("commit"),
        rollback: () => end("rollback"),
        get open() {
          return open;
        },
      };
    },
    close: () => pool.end(),
  };
}

// A joined call keeps its own all-or-nothing behaviour: its failure rolls back to the savepoint, not the held work.
async function inSavepoint<T>(held: Ambient, fn: (tx: Tx, client: pg.PoolClient) => Promise<T>): Promise<T> {
  const name = `held_${++held.savepoints}`;
  await held.client.query(`savepoint ${name}`);
  try {
    const result = await fn(held.tx, held.client);
    await held.client.query(`release savepoint ${name}`);
    return result;
  } catch (err) {
    await held.client.query(`rollback to savepoint ${name}`);
    throw err;
  }
}

/** Opens a pool to `url`. */
export function createPool(url: string, max = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 30_000 });
  // An idle client's error (server restart) must not crash the process; the pool replaces the client.
  pool.on("error", () => {});
  // A checked-out client has no listener of the pool's: a connection the server ends mid-request (a backend
  // terminated, a restart) would emit an unhandled "error" and crash the process. The request's own query fails
  // instead, and the client is released as broken.
  pool.on("connect", (client) => client.on("error", () => {}));
  return pool;
}

/** The app role's URL: same server and database as the owner URL, logging in as tandem_app. */
export function deriveAppUrl(ownerUrl: string, appPassword: string): string {
  const u = new URL(ownerUrl);
  u.username = "tandem_app";
  u.password = encodeURIComponent(appPassword);
  return u.toString();
}
