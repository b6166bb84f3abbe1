import { describe, expect, it } from "vitest";
import { json, useHarness } from "../../../../test/harness.js";
import { NOTIFICATION_KINDS, type NotificationPreferences } from "../../../shared/contracts/notifications.js";

const h = useHarness();
const URL = "/api/v1/notification-preferences";

describe("notification preferences", () => {
  it("lists every kind with its defaults, stores the caller's choices only, and says e-mail is not configured", async () => {
    const ws = await h.workspace();
    const mine = json<NotificationPreferences>(await h.as(ws.users.sales).get(URL));
    expect(mine.emailConfigured).toBe(false);
    expect(mine.emailAddress).toBe(ws.users.sales.email);
    expect(mine.preferences.map((p) => p.kind)).toEqual(NOTIFICATION_KINDS);
    expect(mine.preferences.find((p) => p.kind === "sla.breached")).toEqual({ kind: "sla.breached", inApp: true, email: true, isDefault: true });
    expect(mine.preferences.find((p) => p.kind === "lead_definition.activated")).toEqual({ kind: "lead_definition.activated", inApp: true, email: false, isDefault: true });

    const saved = json<NotificationPreferences>(
      await h.as(ws.users.sales).put(URL, { preferences: [{ kind: "sla.breached", inApp: false, email: true }, { kind: "lead_definition.activated", inApp: true, email: true }] }),
    );
    expect(saved.preferences.find((p) => p.kind === "sla.breached")).toEqual({ kind: "sla.breached", inApp: false, email: true, isDefault: false });
    expect(saved.preferences.find((p) => p.kind === "lead_definition.activated")).toMatchObject({ email: true, isDefault: false });
    // Unlisted kinds keep their value; another member (and another workspace's same role) is untouched.
    expect(saved.preferences.find((p) => p.kind === "lead.assigned")).toMatchObject({ isDefault: true });
    expect(json<NotificationPreferences>(await h.as(ws.users.sdr).get(URL)).preferences.every((p) => p.isDefault)).toBe(true);
    const other = await h.workspace("Other");
    expect(json<NotificationPreferences>(await h.as(other.users.sales).get(URL)).preferences.every((p) => p.isDefault)).toBe(true);

    // Choosing exactly the defaults forgets the choice, so the kind follows its defaults again.
    const back = json<NotificationPreferences>(await h.as(ws.users.sales).put(URL, { preferences: [{ kind: "sla.breached", inApp: true, email: true }] }));
    expect(back.preferences.find((p) => p.kind === "sla.breached")).toMatchObject({ isDefault: true });
    const stored = await h.tdb.ownerDb.pool.query("select kind from notification_preferences where workspace_id = $1", [ws.workspaceId]);
    expect(stored.rows).toEqual([{ kind: "lead_definition.activated" }]);
  });

  it("refuses unknown kinds, a kind twice, missing channels and an empty list, naming the field", async () => {
    const ws = await h.workspace();
    const bad = async (body: unknown) => {
      const res = await h.as(ws.users.manager).put(URL, body);
      expect(res.statusCode).toBe(400);
      return (res.json() as { message: string }).message;
    };
    expect(await bad({ preferences: [{ kind: "nope", inApp: true, email: true }] })).toContain("body.preferences.0.kind");
    expect(await bad({ preferences: [{ kind: "sla.warning", inApp: true }] })).toContain("body.preferences.0.email");
    expect(await bad({ preferences: [] })).toContain("body.preferences");
    const twice = { kind: "sla.warning", inApp: false, email: false };
    expect(await bad({ preferences: [twice, twice] })).toContain("each kind may appear once");
    expect(json<NotificationPreferences>(await h.as(ws.users.manager).get(URL)).preferences.every((p) => p.isDefault)).toBe(true);
  });

  it("keeps kinds turned off in the app out of the feed and the unread count (e-mail off: nothing stored)", async () => {
    const ws = await h.workspace();
    await h.as(ws.users.sales).put(URL, { preferences: [{ kind: "lead_definition.proposed", inApp: false, email: true }] });
    const d = json<{ id: string }>(await h.as(ws.users.marketing).post("/api/v1/lead-definitions", { basedOn: "starter" }));
    await h.as(ws.users.marketing).post(`/api/v1/lead-definitions/${d.id}/propose`);
    expect(json<{ items: unknown[]; unread: number }>(await h.as(ws.users.sales).get("/api/v1/notifications"))).toEqual({ items: [], nextCursor: null, unread: 0 });
    expect(json<{ unread: number }>(await h.as(ws.users.manager).get("/api/v1/notifications")).unread).toBe(1);
    // No SMTP here: an e-mail-only choice stores nothing for the sales user.
    const rows = await h.tdb.ownerDb.pool.query("select user_id, email_status from notifications where workspace_id = $1", [ws.workspaceId]);
    expect(rows.rows).toEqual([{ user_id: ws.users.manager.userId, email_status: null }]);
  });
});
