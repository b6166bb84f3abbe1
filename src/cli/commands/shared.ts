import { loadConfig, type Config } from "../../server/config.js";
import { openRuntime, type Runtime } from "../../server/runtime.js";

/** Loads config or exits listing what is wrong. */
export function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(2);
  }
}

/** Opens the runtime, runs `fn`, always closes (stopping an embedded PostgreSQL this process started). */
export async function withRuntime<T>(fn: (rt: Runtime) => Promise<T>, opts: { quiet?: boolean } = {}): Promise<T> {
  const rt = await openRuntime(configOrExit(), opts.quiet ? () => {} : (m) => process.stderr.write(`${m}\n`));
  try {
    return await fn(rt);
  } finally {
    await rt.close();
  }
}

/** Prints an error and sets a failing exit code. */
export function fail(err: unknown): never {
  process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
