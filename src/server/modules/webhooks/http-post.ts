import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import type { CheckedTarget } from "./ssrf.js";

/** What one HTTP attempt produced: a status (any, 3xx included) or an error, and the start of the body. */
export type PostResult = { statusCode: number | null; error: string | null; snippet: string | null; durationMs: number };

export type PostOptions = { timeoutMs: number; maxResponseBytes: number; snippetChars: number };

export const DEFAULT_POST_OPTIONS: PostOptions = { timeoutMs: 10_000, maxResponseBytes: 64 * 1024, snippetChars: 1_000 };

/** Sends one attempt over HTTP(S); outbound requests go through here only, so tests may replace it. */
export type PostFn = (target: CheckedTarget, headers: Record<string, string>, body: string) => Promise<PostResult>;

/**
 * POSTs `body` to a checked target, connecting only to the address that was checked (a lookup pinned to it, so
 * DNS cannot be re-asked and rebound); never follows redirects; gives up after `timeoutMs` overall; reads at
 * most `maxResponseBytes` of the response.
 */
export function createHttpPost(opts: PostOptions = DEFAULT_POST_OPTIONS): PostFn {
  return (target, headers, body) =>
    new Promise<PostResult>((resolve) => {
      const started = performance.now();
      const elapsed = () => Math.round(performance.now() - started);
      let settled = false;
      const finish = (r: Omit<PostResult, "durationMs">) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({ ...r, durationMs: elapsed() });
      };
      const pinned: LookupFunction = (_hostname, options, callback) => {
        if (options.all) callback(null, [{ address: target.address, family: target.family }]);
        else callback(null, target.address, target.family);
      };
      const client = target.url.protocol === "https:" ? https : http;
      const req = client.request(
        target.url,
        {
          method: "POST",
          lookup: pinned,
          agent: false,
          headers: { ...headers, "content-type": "application/json", "content-length": Buffer.byteLength(body), "user-agent": "Tandem-Webhooks/1" },
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on("data", (chunk: Buffer) => {
            size += chunk.length;
            if (size <= opts.maxResponseBytes) chunks.push(chunk);
            else res.destroy(); // enough read; the rest is not ours to buffer
          });
          const done = () => {
            const text = Buffer.concat(chunks).toString("utf8").slice(0, opts.snippetChars);
            const code = res.statusCode ?? null;
            const redirect = code !== null && code >= 300 && code < 400;
            finish({ statusCode: code, error: redirect ? `redirect to ${res.headers.location ?? "(no location)"} not followed` : null, snippet: text || null });
          };
          res.on("end", done);
          res.on("close", done);
          res.on("error", done);
        },
      );
      const timer = setTimeout(() => {
        finish({ statusCode: null, error: `timed out after ${opts.timeoutMs} ms`, snippet: null });
        req.destroy();
      }, opts.timeoutMs);
      req.on("error", (err: NodeJS.ErrnoException) => finish({ statusCode: null, error: err.code ? `${err.code}: ${err.message}` : err.message, snippet: null }));
      req.end(body);
    });
}
