import { spawn, type ChildProcess } from "node:child_process";

/** Runs a TypeScript script of the test tree as a separate Node process (through tsx), with extra environment. */
export function spawnTsChild(script: string, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", script], { env: { ...process.env, ...env }, stdio: ["pipe", "pipe", "inherit"] });
}
