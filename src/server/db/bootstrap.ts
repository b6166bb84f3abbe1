import path from "node:path";
import type { Config } from "../config.js";
import type { Secrets } from "../platform/secrets.js";
import { createDatabase, createPool, deriveAppUrl, type Database } from "./client.js";
import { startEmbeddedPostgres, type EmbeddedServer } from "./embedded.js";
import { ensureDatabase, runMigrations, withDatabase } from "./migrate.js";

export type OpenedDatabase = {
  /** The app's connection: role tandem_app, subject to row-level security. */
  db: Database;
  /** The owner's connection: migrations, CLI bulk loads, benchmarks. Never used to serve requests. */
  ownerDb: Database;
  ownerUrl: string;
  embedded: EmbeddedServer | null;
  close(): Promise<void>;
};

/**
 * Opens Tandem's database: starts embedded PostgreSQL when no DATABASE_URL is set, creates the `tandem`
 * database, applies migrations and connects as the non-owner app role.
 */
export async function openDatabase(config: Config, secrets: Secrets, log: (msg: string) => void = () => {}): Promise<OpenedDatabase> {
  let embedded: EmbeddedServer | null = null;
  let ownerUrl: string;
  if (config.db.url) {
    ownerUrl = config.db.url;
  } else {
    log(`starting embedded PostgreSQL in ${path.join(config.dataDir, "pg")}`);
    embedded = await startEmbeddedPostgres({ dataDir: path.join(config.dataDir, "pg"), password: secrets.dbOwnerPassword });
    await ensureDatabase(embedded.url, "tandem");
    ownerUrl = withDatabase(embedded.url, "tandem");
  }
  try {
    // With DATABASE_APP_URL the operator manages the app role and its password; otherwise we set it.
    await runMigrations(ownerUrl, config.db.appUrl ? null : secrets.dbAppPassword);
    const appUrl = config.db.appUrl ?? deriveAppUrl(ownerUrl, secrets.dbAppPassword);
    const db = createDatabase(createPool(appUrl, config.db.poolSize));
    const ownerDb = createDatabase(createPool(ownerUrl, 4));
    return {
      db,
      ownerDb,
      ownerUrl,
      embedded,
      async close() {
        await db.close().catch(() => {});
        await ownerDb.close().catch(() => {});
        await embedded?.stop();
      },
    };
  } catch (err) {
    await embedded?.stop();
    throw err;
  }
}
