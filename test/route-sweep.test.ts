/**
 * The route sweep: every registered /api/v1 route has a happy path, a validation error that changes nothing,
 * a cross-tenant case (another workspace's id is a 404) and a role denial (403) — or a stated reason why a
 * case does not apply. A new route without an entry fails the first test.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { TEST_PASSWORD, caller, useHarness } from "./harness.js";
import { createFixture, type Fixture } from "./fixtures.js";
import type { Case, Req } from "./route-cases/case.js";
import { multipartFile } from "./content-fixture.js";
import { CONTENT_CASES } from "./route-cases/content.cases.js";
import { IDENTITY_CASES } from "./route-cases/identity.cases.js";
import { CRM_CASES } from "./route-cases/crm.cases.js";
import { CAMPAIGNS_CASES } from "./route-cases/campaigns.cases.js";
import { AGREEMENT_CASES } from "./route-cases/agreement.cases.js";
import { PLATFORM_CASES } from "./route-cases/platform.cases.js";
import { ROUTING_CASES } from "./route-cases/routing.cases.js";
import { PREDICTIVE_CASES } from "./route-cases/predictive.cases.js";
import { SLA_CASES } from "./route-cases/sla.cases.js";
import { FEEDBACK_CASES } from "./route-cases/feedback.cases.js";
import { NOTIFY_CASES } from "./route-cases/notify.cases.js";
import { PLAYBOOKS_CASES } from "./route-cases/playbooks.cases.js";
import { WEBHOOKS_CASES } from "./route-cases/webhooks.cases.js";
import { REVIEWS_CASES } from "./route-cases/reviews.cases.js";
import { REPORTS_ALIGNMENT_CASES } from "./route-cases/reports-alignment.cases.js";
import { REPORTS_LEADS_CASES } from "./route-cases/reports-leads.cases.js";
import { REPORTS_ATTRIBUTION_CASES } from "./route-cases/reports-attribution.cases.js";
import { IMPORTS_CASES } from "./route-cases/imports.cases.js";
import { WINLOSS_CASES } from "./route-cases/winloss.cases.js";
import { SDR_CASES } from "./route-cases/sdr.cases.js";
import { GROWTH_CASES } from "./route-cases/growth.cases.js";
import { INGEST_CASES, PRIVACY_CASES } from "./route-cases/ingest.cases.js";
import { ENABLEMENT_SALES_CASES } from "./route-cases/enablement-sales.cases.js";
import { INSIGHTS_CASES } from "./route-cases/insights.cases.js";
import { FIELD_INSIGHTS_CASES } from "./route-cases/field-insights.cases.js";
import { REFERENCES_CASES } from "./route-cases/references.cases.js";
import { EXPORTS_CASES } from "./route-cases/exports.cases.js";
import { SWOT_MESSAGING_CASES } from "./route-cases/swot-messaging.cases.js";
import { CAPTURE_CASES } from "./route-cases/capture.cases.js";

const CASES: Record<string, Case> = { ...IDENTITY_CASES, ...CRM_CASES, ...CAMPAIGNS_CASES, ...AGREEMENT_CASES, ...PLATFORM_CASES, ...ROUTING_CASES, ...PREDICTIVE_CASES, ...SLA_CASES, ...FEEDBACK_CASES, ...PLAYBOOKS_CASES, ...NOTIFY_CASES, ...WEBHOOKS_CASES, ...REVIEWS_CASES, ...REPORTS_ALIGNMENT_CASES, ...REPORTS_LEADS_CASES, ...REPORTS_ATTRIBUTION_CASES, ...WINLOSS_CASES, ...GROWTH_CASES, ...CONTENT_CASES, ...INGEST_CASES, ...PRIVACY_CASES, ...IMPORTS_CASES, ...ENABLEMENT_SALES_CASES, ...SDR_CASES, ...REFERENCES_CASES, ...EXPORTS_CASES, ...INSIGHTS_CASES, ...SWOT_MESSAGING_CASES, ...CAPTURE_CASES, ...FIELD_INSIGHTS_CASES };

const h = useHarness();
let b: Fixture;

beforeAll(async () => {
  b = await createFixture(h, "Other");
});

async function send(method: string, f: Fixture, r: Req & { expect400?: boolean }) {
  if (r.session) {
    const login = await h.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { email: f.users[r.as ?? "admin"].email, password: TEST_PASSWORD } });
    const cookie = String([login.headers["set-cookie"]].flat()[0]).split(";")[0]!;
    const csrf = (login.json() as { csrfToken: string }).csrfToken;
    return h.app.inject({ method: method as "POST", url: r.url, payload: r.body as object, headers: { cookie, "x-csrf-token": csrf } });
  }
  if (r.multipart) {
    const { payload, contentType } = multipartFile(r.multipart.name, r.multipart.content);
    return h.app.inject({ method: method as "POST", url: r.url, payload, headers: { "content-type": contentType, authorization: `Bearer ${f.users[r.as ?? "admin"].token}` } });
  }
  const c = caller(h.app, { authorization: `Bearer ${f.users[r.as ?? "admin"].token}` });
  const m = method.toLowerCase() as "get" | "post" | "patch" | "put" | "delete";
  return m === "get" || m === "delete" ? c[m](r.url) : c[m](r.url, r.body);
}

async function auditCount(workspaceId: string): Promise<number> {
  const res = await h.tdb.ownerDb.pool.query("select count(*)::int as n from audit_log where workspace_id = $1", [workspaceId]);
  return res.rows[0].n as number;
}

describe("route sweep", () => {
  it("has a case for every registered /api/v1 route, and no case for a route that does not exist", () => {
    const registered = h.app.routeTable.filter((r) => r.url.startsWith("/api/v1/")).map((r) => `${r.method} ${r.url}`);
    expect(registered.filter((k) => !CASES[k])).toEqual([]);
    expect(Object.keys(CASES).filter((k) => !registered.includes(k))).toEqual([]);
  });

  for (const [key, c] of Object.entries(CASES)) {
    const method = key.split(" ")[0]!;
    describe(key, () => {
      it("happy path", async () => {
        const a = await createFixture(h, "Happy");
        const r = c.happy(a);
        const res = await send(method, a, r);
        expect(res.statusCode, res.body).toBe(r.status);
      });

      if (typeof c.invalid !== "string") {
        const invalid = c.invalid;
        it("bad input is a 400 naming the field and changes nothing", async () => {
          const before = await auditCount(b.workspaceId);
          const r = invalid(b);
          const res = await send(method, b, r);
          expect(res.statusCode, res.body).toBe(400);
          const body = res.json() as { error: string; message: string; details: { path: string }[] };
          expect(body.error).toBe("validation_failed");
          // A list field may name the bad element too (query.stage.0).
          expect(body.details.some((d) => d.path === r.field || d.path.startsWith(`${r.field}.`)), JSON.stringify(body.details)).toBe(true);
          expect(body.message).toContain(r.field);
          expect(await auditCount(b.workspaceId)).toBe(before);
        });
      }

      if (typeof c.crossTenant !== "string") {
        const cross = c.crossTenant;
        it("another workspace's id is a 404 (never 403) and changes nothing there", async () => {
          const a = await createFixture(h, "Probe");
          const before = await auditCount(b.workspaceId);
          const r = cross(a, b) as Req & { expect400?: boolean };
          const res = await send(method, a, { ...r, as: r.as ?? "admin" });
          // A foreign id inside a body is an unknown reference (400 on that field); in the path it is a 404.
          expect(res.statusCode, res.body).toBe(r.expect400 ? 400 : 404);
          expect(await auditCount(b.workspaceId)).toBe(before);
        });
      }

      if (typeof c.denied !== "string") {
        const denied = c.denied;
        it("a role that may not act gets 403 and changes nothing", async () => {
          const before = await auditCount(b.workspaceId);
          const res = await send(method, b, denied(b));
          expect(res.statusCode, res.body).toBe(403);
          expect(res.json()).toMatchObject({ error: "forbidden" });
          expect(await auditCount(b.workspaceId)).toBe(before);
        });
      }
    });
  }
});
