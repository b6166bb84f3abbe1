import fs from "node:fs";
import path from "node:path";
import { spawn, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { runServer } from "../../server/main.js";
import { configOrExit, fail, withRuntime } from "./shared.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const bin = (rel: string) => path.join(ROOT, rel);

/** The newest modification time of the files under a folder. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds the web app with Vite when it is missing or older than its sources (e.g. after a pull). */
function buildWebIfStale(webDir: string): void {
  const index = path.join(webDir, "index.html");
  const builtAt = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  const sourcesAt = Math.max(newestMtime(bin("src/web")), newestMtime(bin("src/shared")), fs.statSync(bin("vite.config.ts")).mtimeMs);
  if (builtAt >= sourcesAt) return;
  process.stdout.write(builtAt ? "the web app changed: rebuilding…\n" : "building the web app (first start)…\n");
  const res = spawnSync(process.execPath, [bin("node_modules/vite/bin/vite.js"), "build", "--logLevel", "warn"], { stdio: "inherit", cwd: ROOT });
  if (res.status !== 0) fail("the web app build failed");
}

/** `start`, `serve`, `dev` and `migrate`. */
export function registerServeCommands(program: Command): void {
  program
    .command("start")
    .description("build the web app if needed, then serve (embedded PostgreSQL, demo workspace on first run)")
    .action(async () => {
      const config = configOrExit();
      buildWebIfStale(config.webDir);
      await runServer(config).catch(fail);
    });

  program
    .command("serve")
    .description("serve the API and the built web app")
    .option("-p, --port <port>", "port (default: PORT or 3000)")
    .action(async (opts: { port?: string }) => {
      if (opts.port) process.env.PORT = opts.port;
      await runServer(configOrExit()).catch(fail);
    });

  program
    .command("dev")
    .description("run the server and the Vite dev server with reload")
    .action(() => {
      const server = spawn(process.execPath, [bin("node_modules/tsx/dist/cli.mjs"), "watch", bin("src/cli/index.ts"), "serve"], { stdio: "inherit" });
      const web = spawn(process.execPath, [bin("node_modules/vite/bin/vite.js")], { stdio: "inherit", cwd: ROOT });
      const stop = () => {
        server.kill("SIGTERM");
        web.kill("SIGTERM");
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });

  program
    .command("migrate")
    .description("apply pending database migrations and exit")
    .action(async () => {
      await withRuntime(async () => process.stdout.write("migrations applied\n")).catch(fail);
    });
}
