import http from "node:http";
import type { AddressInfo } from "node:net";
import type { RequestContext } from "../../platform/actor.js";

/** A request the test receiver got. */
export type Received = { method: string; path: string; headers: http.IncomingHttpHeaders; body: string };

/** What the receiver answers: a status, optional headers and body; `hang` never answers. */
export type Reply = { status: number; headers?: Record<string, string>; body?: string; hang?: boolean };

/** A real HTTP server on 127.0.0.1 that records every request (tests of the webhook sender; not used in production). */
export async function startReceiver(reply: (r: Received) => Reply = () => ({ status: 200, body: "ok" })) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const r: Received = { method: req.method ?? "", path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      received.push(r);
      const out = reply(r);
      if (out.hang) return;
      res.writeHead(out.status, out.headers);
      res.end(out.body ?? "");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A request context for a workspace's admin, for calling services directly. */
export function adminContext(workspaceId: string, userId: string): RequestContext {
  return { workspaceId, sessionId: null, requestId: "test", actor: { kind: "user", userId, name: "Admin", role: "admin", tokenId: null, scopes: ["read", "write"] } };
}
