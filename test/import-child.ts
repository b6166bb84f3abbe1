/**
 * A server process for the import crash test: builds its own pool and modules on the test database (small chunks,
 * the parent's data directory) and runs one queued import job; the parent kills it with SIGKILL part-way.
 */
import { createDatabase, createPool } from "../src/server/db/client.js";
import { createFixedClock } from "../src/server/platform/clock.js";
import { createModules } from "../src/server/modules/index.js";

const { CHILD_DB_URL, CHILD_WORKSPACE_ID, CHILD_JOB_ID, CHILD_DATA_DIR, CHILD_CHUNK } = process.env;
if (!CHILD_DB_URL || !CHILD_WORKSPACE_ID || !CHILD_JOB_ID || !CHILD_DATA_DIR) throw new Error("CHILD_DB_URL, CHILD_WORKSPACE_ID, CHILD_JOB_ID and CHILD_DATA_DIR are required");
const pool = createPool(CHILD_DB_URL, 3);
const clock = createFixedClock("2026-03-02T09:00:00Z");
const modules = createModules({
  db: createDatabase(pool),
  clock,
  sessionKey: "c".repeat(40),
  publicUrl: "http://tandem.test",
  secureCookies: false,
  sessionIdleMinutes: 60,
  sessionAbsoluteHours: 24,
  loginRateLimitPerMinute: 100,
  dataDir: CHILD_DATA_DIR,
  importChunkRows: Number(CHILD_CHUNK ?? 100),
});
process.stdout.write("running\n");
const done = await modules.jobs.jobs.run(CHILD_WORKSPACE_ID, CHILD_JOB_ID);
process.stdout.write(`${JSON.stringify({ status: done?.status ?? null })}\n`);
await pool.end();
process.exit(0);
