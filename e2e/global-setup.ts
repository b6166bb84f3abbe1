import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// postmaster.pid outlives a killed server, so check whether the process it names is still alive.
function isPostgresRunning(pidFile: string): boolean {
  if (!fs.existsSync(pidFile)) return false;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Each run starts the server on a fresh data directory (~400 MB with the demo workspace). Before a run, remove the
 * directories earlier runs left behind, skipping any whose PostgreSQL is still running.
 */
export default function removeStaleDataDirs(): void {
  const current = process.env.TANDEM_E2E_DATA_DIR;
  for (const name of fs.readdirSync(os.tmpdir())) {
    if (!name.startsWith("tandem-e2e-")) continue;
    const dir = path.join(os.tmpdir(), name);
    if (dir === current || isPostgresRunning(path.join(dir, "pg", "postmaster.pid"))) continue;
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
