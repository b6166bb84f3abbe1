import { describe, expect, it } from "vitest";
import { json, useHarness } from "../../../../test/harness.js";
import { PUBLISHABLE_KEY_PATTERN, type CaptureSettings } from "../../../shared/contracts/capture.js";

const h = useHarness({ now: "2026-03-02T09:00:00Z" });

describe("web capture settings", () => {
  it("creates, rotates and reads the publishable key; admins change, managers read, other roles are refused", async () => {
    const ws = await h.workspace();
    const admin = h.as(ws.users.admin);
    const empty = json<CaptureSettings>(await h.as(ws.users.manager).get("/api/v1/capture/settings"));
    expect(empty).toEqual({ publishableKey: null, allowedOrigins: [], rotatedAt: null, updatedAt: null, rateLimitPerMinute: 120 });
    expect((await h.as(ws.users.sales).get("/api/v1/capture/settings")).statusCode).toBe(403);
    expect((await h.as(ws.users.manager).post("/api/v1/capture/settings/key")).statusCode).toBe(403);

    const created = json<CaptureSettings>(await admin.post("/api/v1/capture/settings/key"));
    const key = created.publishableKey!;
    // The workspace id in clear (without dashes) after pk_, then 32 random characters.
    expect(key).toMatch(PUBLISHABLE_KEY_PATTERN);
    expect(key.slice(3, 35)).toBe(ws.workspaceId.replace(/-/g, ""));
    expect(created.rotatedAt).toBe("2026-03-02T09:00:00.000Z");

    h.clock.advance(60_000);
    const rotated = json<CaptureSettings>(await admin.post("/api/v1/capture/settings/key"));
    expect(rotated.publishableKey).not.toBe(key);
    expect(json<CaptureSettings>(await h.as(ws.users.manager).get("/api/v1/capture/settings")).publishableKey).toBe(rotated.publishableKey);

    const audit = await h.tdb.ownerDb.pool.query("select action, changes from audit_log where workspace_id = $1 and entity = 'capture_settings' order by at, id", [ws.workspaceId]);
    expect(audit.rows.map((r) => r.action)).toEqual(["capture.key_created", "capture.key_rotated"]);
    // The audit names the keys by prefix and last characters only.
    expect(JSON.stringify(audit.rows)).not.toContain(key);
  });

  it("validates and normalises allowed origins, naming the bad element, and audits the change", async () => {
    const ws = await h.workspace();
    const admin = h.as(ws.users.admin);
    for (const [bad, index] of [[["https://www.example.com/path"], 0], [["https://ok.example.com", "ftp://x.example.com"], 1], [["http://www.example.com"], 0], [["www.example.com"], 0], [["https://a.example.com?x=1"], 0]] as const) {
      const res = await admin.put("/api/v1/capture/settings/origins", { allowedOrigins: bad });
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(json<{ details: { path: string }[] }>(res).details[0]!.path).toBe(`body.allowedOrigins.${index}`);
    }
    const dup = await admin.put("/api/v1/capture/settings/origins", { allowedOrigins: ["https://a.example.com", "https://A.example.com/"] });
    expect(dup.statusCode).toBe(400);
    expect(json(dup).message).toContain("body.allowedOrigins");
    expect((await h.as(ws.users.manager).put("/api/v1/capture/settings/origins", { allowedOrigins: [] })).statusCode).toBe(403);

    // No key yet: setting origins creates one. Host lower-cased, default port and trailing slash dropped; http only for localhost.
    const res = await admin.put("/api/v1/capture/settings/origins", { allowedOrigins: ["https://WWW.Example.com:443/", "https://shop.example.com:8443", "http://localhost:3000"] });
    expect(res.statusCode, res.body).toBe(200);
    const s = json<CaptureSettings>(res);
    expect(s.allowedOrigins).toEqual(["https://www.example.com", "https://shop.example.com:8443", "http://localhost:3000"]);
    expect(s.publishableKey).toMatch(PUBLISHABLE_KEY_PATTERN);
    const audit = await h.tdb.ownerDb.pool.query("select action, changes from audit_log where workspace_id = $1 and entity = 'capture_settings' order by at, id", [ws.workspaceId]);
    expect(audit.rows.map((r) => r.action)).toEqual(["capture.key_created", "capture.origins_updated"]);
    expect(audit.rows[1].changes).toEqual({ allowedOrigins: { from: [], to: s.allowedOrigins } });
  });

  it("keeps each workspace's settings to itself", async () => {
    const a = await h.workspace("A");
    const b = await h.workspace("B");
    await h.as(a.users.admin).put("/api/v1/capture/settings/origins", { allowedOrigins: ["https://a.example.com"] });
    expect(json<CaptureSettings>(await h.as(b.users.admin).get("/api/v1/capture/settings")).allowedOrigins).toEqual([]);
  });
});
