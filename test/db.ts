import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { createDatabase, createPool, deriveAppUrl, type Database } from "../src/server/db/client.js";
import { withDatabase } from "../src/server/db/migrate.js";

export type TestDatabase = {
  name: string;
  /** Connected as tandem_app: row-level security applies. */
  db: Database;
  /** Connected as the owner: for setup and assertions that must see every tenant. */
  ownerDb: Database;
  ownerUrl: string;
  appUrl: string;
  drop(): Promise<void>;
};

/** Clones the migrated template into a fresh database for one test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = inject("pgUrl");
  const name = `tandem_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template tandem_template`);
  } finally {
    await admin.end();
  }
  const ownerUrl = withDatabase(serverUrl, name);
  const appUrl = deriveAppUrl(ownerUrl, inject("appPassword"));
  const db = createDatabase(createPool(appUrl, 5));
  const ownerDb = createDatabase(createPool(ownerUrl, 2));
  return {
    name,
    db,
    ownerDb,
    ownerUrl,
    appUrl,
    async drop() {
      await db.close();
      await ownerDb.close();
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`).finally(() => c.end());
    },
  };
}
