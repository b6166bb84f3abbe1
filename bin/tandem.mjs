#!/usr/bin/env node
// The `tandem` command: runs the TypeScript CLI through tsx's loader (no build step for the server).
import { fileURLToPath } from "node:url";
import path from "node:path";
import { register } from "tsx/esm/api";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
register();
await import(path.join(root, "src/cli/index.ts"));
