/**
 * A second server process for the SLA exactly-once test: builds its own pool and modules on the test database,
 * says "ready", waits for "go" on stdin, fires the workspace's due SLA steps at AT (CHILD_BATCH timers per
 * transaction) and prints how many it fired.
 */
import { createDatabase, createPool } from "../src/server/db/client.js";
import { createFixedClock } from "../src/server/platform/clock.js";
import { createModules } from "../src/server/modules/index.js";

const { CHILD_DB_URL, CHILD_WORKSPACE_ID, CHILD_AT } = process.env;
if (!CHILD_DB_URL || !CHILD_WORKSPACE_ID || !CHILD_AT) throw new Error("CHILD_DB_URL, CHILD_WORKSPACE_ID and CHILD_AT are required");
const pool = createPool(CHILD_DB_URL, 5);
const clock = createFixedClock(CHILD_AT);
const modules = createModules({ db: createDatabase(pool), clock, sessionKey: "c".repeat(40), publicUrl: "http://tandem.test", secureCookies: false, sessionIdleMinutes: 60, sessionAbsoluteHours: 24, loginRateLimitPerMinute: 100 });
await pool.query("select 1");
process.stdout.write("ready\n");
await new Promise<void>((resolve) => process.stdin.once("data", () => resolve()));
const fired = await modules.sla.timers.fireDue(CHILD_WORKSPACE_ID, clock.now(), Number(process.env.CHILD_BATCH ?? 50));
process.stdout.write(`${JSON.stringify({ fired })}\n`);
await pool.end();
// Modules may hold timers (e-mail kicks); the test waits for this process to end.
process.exit(0);
