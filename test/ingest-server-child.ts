/**
 * A real Tandem server for the ingest crash test: its own pool and app on the test database, listening on a free
 * local port that it prints as "port N". The test kills it with SIGKILL mid-ingest and starts another.
 */
import type { AddressInfo } from "node:net";
import { buildApp } from "../src/server/app.js";
import { createDatabase, createPool } from "../src/server/db/client.js";
import { createFixedClock } from "../src/server/platform/clock.js";

const { CHILD_DB_URL, CHILD_AT } = process.env;
if (!CHILD_DB_URL || !CHILD_AT) throw new Error("CHILD_DB_URL and CHILD_AT are required");
const db = createDatabase(createPool(CHILD_DB_URL, 8));
const app = await buildApp({ db, clock: createFixedClock(CHILD_AT), logLevel: "silent", sessionKey: "c".repeat(40), publicUrl: "http://tandem.test" });
await app.listen({ port: 0, host: "127.0.0.1" });
process.stdout.write(`port ${(app.server.address() as AddressInfo).port}\n`);
