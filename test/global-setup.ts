import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, type EmbeddedServer } from "../src/server/db/embedded.js";
import { runMigrations, withDatabase } from "../src/server/db/migrate.js";

export const TEMPLATE_DB = "tandem_template";

declare module "vitest" {
  export interface ProvidedContext {
    pgUrl: string;
    appPassword: string;
  }
}

let server: EmbeddedServer | null = null;
let tmpDir: string | null = null;

/**
 * One PostgreSQL per run (embedded, or TEST_DATABASE_URL): migrates a template database that every test
 * file clones, so files are independent and start from the real schema.
 */
export async function setup(project: TestProject) {
  let url = process.env.TEST_DATABASE_URL;
  if (!url) {
    tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-test-"));
    fs.chmodSync(tmpDir, 0o755);
    server = await startEmbeddedPostgres({ dataDir: path.join(tmpDir, "pg"), password: randomBytes(12).toString("hex") });
    url = server.url;
  }
  const appPassword = randomBytes(12).toString("hex");
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    // Template databases left by an earlier run on an external server are dropped first.
    const stale = await admin.query<{ datname: string }>("select datname from pg_database where datname = $1 or datname like 'tandem_test_%'", [TEMPLATE_DB]);
    for (const { datname } of stale.rows) await admin.query(`drop database if exists ${admin.escapeIdentifier(datname)} with (force)`);
    await admin.query(`create database ${TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  await runMigrations(withDatabase(url, TEMPLATE_DB), appPassword);
  project.provide("pgUrl", url);
  project.provide("appPassword", appPassword);
}

export async function teardown() {
  await server?.stop();
  if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
}
