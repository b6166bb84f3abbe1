import { describe, expect, it } from "vitest";
import { json, useHarness } from "../../../../test/harness.js";

const h = useHarness();

type Deal = { id: string; stage: string; outcome: string | null; reasonCode: string | null; competitor: string | null; closedAt: string | null; interview: { decisionCriteria: string | null; decidedBy: string | null; why: string | null; recordedByName: string | null } | null };
type ErrorBody = { error: string; message: string; details?: { path: string }[] };

async function setup() {
  const ws = await h.workspace();
  const sales = h.as(ws.users.sales);
  const account = json<{ id: string }>(await sales.post("/api/v1/accounts", { name: "Globex" }));
  const open = async (name: string) => json<Deal>(await sales.post("/api/v1/deals", { accountId: account.id, name, amount: 1000 }));
  return { ws, sales, account, open };
}

const paths = (res: { body: string }) => JSON.stringify(json<ErrorBody>(res as never));

// Every way a deal can reach a closed stage: POST /deals/:id/close is the only one; creating or patching a deal
// into closed_won/closed_lost is refused by the contract (there is no bulk or CLI close path).
describe("closing a deal requires an outcome and a reason (every path)", () => {
  it("POST /deals/:id/close refuses a missing outcome, a missing reason, another kind's reason and an inactive reason", async () => {
    const { ws, sales, open } = await setup();
    const deal = await open("Refused");
    const noOutcome = await sales.post(`/api/v1/deals/${deal.id}/close`, { reasonCode: "price" });
    expect(noOutcome.statusCode).toBe(400);
    expect(paths(noOutcome)).toContain("body.outcome");
    const noReason = await sales.post(`/api/v1/deals/${deal.id}/close`, { outcome: "won" });
    expect(noReason.statusCode).toBe(400);
    expect(paths(noReason)).toContain("body.reasonCode");
    // status_quo is a no-decision reason, not a win reason.
    const otherKind = await sales.post(`/api/v1/deals/${deal.id}/close`, { outcome: "won", reasonCode: "status_quo" });
    expect(otherKind.statusCode).toBe(400);
    expect(paths(otherKind)).toContain("body.reasonCode");
    await h.tdb.ownerDb.pool.query("update reason_codes set active = false where workspace_id = $1 and kind = 'loss' and code = 'timing'", [ws.workspaceId]);
    const inactive = await sales.post(`/api/v1/deals/${deal.id}/close`, { outcome: "lost", reasonCode: "timing" });
    expect(inactive.statusCode).toBe(400);
    expect(json<ErrorBody>(inactive).message).toContain("'timing' is not a loss reason");
    // Nothing of the refused attempts stuck.
    expect(json<Deal>(await sales.get(`/api/v1/deals/${deal.id}`))).toMatchObject({ stage: "discovery", outcome: null, closedAt: null });
  });

  it("creating or patching a deal into a closed stage is refused, naming the stage", async () => {
    const { sales, account, open } = await setup();
    const created = await sales.post("/api/v1/deals", { accountId: account.id, name: "Born closed", stage: "closed_won" });
    expect(created.statusCode).toBe(400);
    expect(paths(created)).toContain("body.stage");
    const deal = await open("Patched");
    for (const stage of ["closed_won", "closed_lost"]) {
      const patched = await sales.patch(`/api/v1/deals/${deal.id}`, { stage });
      expect(patched.statusCode).toBe(400);
      expect(paths(patched)).toContain("body.stage");
    }
    expect(json<Deal>(await sales.get(`/api/v1/deals/${deal.id}`)).stage).toBe("discovery");
  });

  it("records the competitor on a win and the buyer-interview notes, at the close or afterwards", async () => {
    const { sales, open } = await setup();
    const won = await open("Won vs Stackline");
    const closed = json<Deal>(
      await sales.post(`/api/v1/deals/${won.id}/close`, { outcome: "won", reasonCode: "product_fit", competitor: "Stackline", interview: { decisionCriteria: "SSO, price per seat", decidedBy: "CFO", why: "Faster rollout" } }),
    );
    expect(closed).toMatchObject({ stage: "closed_won", outcome: "won", reasonCode: "product_fit", competitor: "Stackline" });
    expect(closed.interview).toMatchObject({ decisionCriteria: "SSO, price per seat", decidedBy: "CFO", why: "Faster rollout" });
    expect(closed.interview?.recordedByName).toBeTruthy();

    const lost = await open("Lost");
    // An interview is for closed deals only.
    expect((await sales.put(`/api/v1/deals/${lost.id}/interview`, { why: "too early" })).statusCode).toBe(409);
    const closedLost = json<Deal>(await sales.post(`/api/v1/deals/${lost.id}/close`, { outcome: "no_decision", reasonCode: "budget_frozen" }));
    expect(closedLost.interview).toBeNull();
    const empty = await sales.put(`/api/v1/deals/${lost.id}/interview`, { why: "" });
    expect(empty.statusCode).toBe(400);
    const later = json<Deal>(await sales.put(`/api/v1/deals/${lost.id}/interview`, { decidedBy: "Board", why: "Budget moved to 2027" }));
    expect(later.interview).toMatchObject({ decisionCriteria: null, decidedBy: "Board", why: "Budget moved to 2027" });
  });
});
