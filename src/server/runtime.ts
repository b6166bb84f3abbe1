import path from "node:path";
import type { Config } from "./config.js";
import { openDatabase, type OpenedDatabase } from "./db/bootstrap.js";
import { createModules, type Modules } from "./modules/index.js";
import { systemClock, type Clock } from "./platform/clock.js";
import { loadOrCreateSecrets, type Secrets } from "./platform/secrets.js";

/** Where uploaded content files live: `<data dir>/files`. */
export function filesDirOf(config: Config): string {
  return path.join(config.dataDir, "files");
}

export type Runtime = { config: Config; secrets: Secrets; database: OpenedDatabase; modules: Modules; clock: Clock; close(): Promise<void> };

/** Everything a process needs before it serves or runs a command: secrets, a migrated database, the modules. */
export async function openRuntime(config: Config, log: (msg: string) => void = () => {}): Promise<Runtime> {
  const secrets = loadOrCreateSecrets(config.dataDir);
  const database = await openDatabase(config, secrets, log);
  const clock = systemClock;
  const modules = createModules({
    db: database.db,
    clock,
    sessionKey: secrets.sessionKey,
    publicUrl: config.http.publicUrl,
    chromiumPath: config.chromiumPath,
    filesDir: filesDirOf(config),
    secureCookies: config.http.secureCookies,
    sessionIdleMinutes: config.auth.sessionIdleMinutes,
    sessionAbsoluteHours: config.auth.sessionAbsoluteHours,
    loginRateLimitPerMinute: config.auth.loginRateLimitPerMinute,
    dataDir: config.dataDir,
  });
  return { config, secrets, database, modules, clock, close: () => database.close() };
}
