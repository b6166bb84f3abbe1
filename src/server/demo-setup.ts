import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { randomToken } from "./platform/crypto.js";
import type { Runtime } from "./runtime.js";
import { createDemoWorkspace, type DemoOptions, type DemoResult } from "./demo/index.js";

export type DemoLogins = { url: string; password: string; logins: DemoResult["logins"]; /** Web capture's publishable key (absent in files saved before it existed). */ captureKey?: string };

const demoFile = (dataDir: string) => path.join(dataDir, "demo-logins.json");

/** The demo logins saved when the demo workspace was created, if any. */
export function readDemoLogins(dataDir: string): DemoLogins | null {
  try {
    return JSON.parse(fs.readFileSync(demoFile(dataDir), "utf8")) as DemoLogins;
  } catch {
    return null;
  }
}

/** Creates the demo workspace and saves its logins (file mode 0600) so every start can print them. */
export async function createDemo(rt: Runtime, opts: Partial<Omit<DemoOptions, "now">> = {}): Promise<DemoLogins & { result: DemoResult }> {
  const password = opts.password ?? rt.config.demo.password ?? randomToken(9);
  const result = await createDemoWorkspace(
    { ownerDb: rt.database.ownerDb, workspaces: rt.modules.identity.workspaces, sla: rt.modules.sla, handoffs: rt.modules.routing.handoffs, attribution: rt.modules.attribution.attribution },
    { ...opts, password, now: rt.clock.now() },
  );
  const saved: DemoLogins = { url: rt.config.http.publicUrl, password, logins: result.logins, captureKey: result.captureKey };
  fs.mkdirSync(rt.config.dataDir, { recursive: true });
  fs.writeFileSync(demoFile(rt.config.dataDir), JSON.stringify(saved, null, 2), { mode: 0o600 });
  return { ...saved, result };
}

/** Whether the database holds no workspace yet (a first start). */
export async function isEmptyInstance(rt: Runtime): Promise<boolean> {
  const res = await rt.database.ownerDb.orm.execute<{ n: number }>(sql`select count(*)::int as n from workspaces`);
  return (res.rows[0]?.n ?? 0) === 0;
}

/** Prints the demo logins. */
export function formatDemoLogins(d: DemoLogins): string {
  const width = Math.max(...d.logins.map((l) => l.email.length));
  const lines = d.logins.map((l) => `  ${l.email.padEnd(width)}  ${l.role.padEnd(9)} ${l.name}`);
  const capture = d.captureKey ? [`Try web capture: ${d.url}/capture/example?key=${d.captureKey}`] : [];
  return [`Demo workspace logins (password: ${d.password}):`, ...lines, ...capture].join("\n");
}
