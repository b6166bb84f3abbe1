import { describe, expect, it } from "vitest";
import { json, useHarness, type Caller, type TestWorkspace } from "../../../../test/harness.js";

const h = useHarness({ now: "2026-03-02T09:00:00Z" });

type Item = { id: string; title: string; rank: number; status: string };
type Search = { items: Item[]; total: number; nextCursor: string | null; facets: Record<string, { value: string; count: number }[]> };

/** A published link asset (Engage: published by marketing; Convert: approved by a sales review). */
async function published(ws: TestWorkspace, body: Record<string, unknown>): Promise<string> {
  const mkt = h.as(ws.users.marketing);
  const a = json<{ id: string }>(await mkt.post("/api/v1/assets", { kind: "link", url: "https://example.com/x", format: "one_pager", ...body }));
  if (body.buyingStage === "convert") {
    expect((await mkt.post(`/api/v1/assets/${a.id}/submit`)).statusCode).toBe(200);
    expect((await h.as(ws.users.sales).post(`/api/v1/assets/${a.id}/review`, { decision: "approve" })).statusCode).toBe(200);
  } else {
    const res = await mkt.post(`/api/v1/assets/${a.id}/publish`);
    expect(res.statusCode, res.body).toBe(200);
  }
  return a.id;
}

function multipart(name: string, data: Buffer) {
  const boundary = "----tandemtest";
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

async function upload(ws: TestWorkspace, assetId: string, name: string, data: Buffer) {
  const { payload, headers } = multipart(name, data);
  return h.app.inject({ method: "POST", url: `/api/v1/assets/${assetId}/file`, payload, headers: { ...headers, authorization: `Bearer ${ws.users.marketing.token}` } });
}

describe("content library search", () => {
  it("ranks title over summary over body/tags, stems, honours websearch syntax, and counts facets", async () => {
    const ws = await h.workspace();
    const sales: Caller = h.as(ws.users.sales);
    const a = await published(ws, { title: "Pricing guide for CFOs", summary: "How the plans compare", buyingStage: "engage", personas: ["cfo"], products: ["platform"] });
    const b = await published(ws, { title: "Security whitepaper", summary: "Pricing of the enterprise tier explained", buyingStage: "convert", personas: ["cto"], competitors: ["RivalCo"] });
    const c = await published(ws, { title: "Onboarding checklist", summary: "Steps for week one", body: "Mentions pricing once", buyingStage: "engage", personas: ["cfo", "cto"] });
    const d = await published(ws, { title: "Customer story: Acme", summary: "Payback in six months", tags: ["pricing", "pricing-sheet"], buyingStage: "convert", competitors: ["RivalCo"], products: ["platform"] });
    await published(ws, { title: "Unrelated video", summary: "Product tour", buyingStage: "engage", format: "video" });
    // A draft mentioning pricing in its title is not in the finder (published only by default).
    await h.as(ws.users.marketing).post("/api/v1/assets", { kind: "link", url: "https://example.com/d", title: "Pricing draft", format: "deck", buyingStage: "engage" });

    // ts_rank weights: A 1.0 (title), B 0.4 (summary), C 0.2 (body/tags); d has "pricing" twice in weight C
    // (the tag and the hyphenated tag's part), c once: a > b > d > c; the video does not match.
    const r = json<Search>(await sales.get("/api/v1/assets?q=pricing"));
    expect(r.items.map((i) => i.id)).toEqual([a, b, d, c]);
    expect(r.total).toBe(4);
    // "prices" stems to the same lexeme.
    expect(json<Search>(await sales.get("/api/v1/assets?q=prices")).items.map((i) => i.id)).toEqual([a, b, d, c]);
    // websearch_to_tsquery: a quoted phrase, and a minus.
    expect(json<Search>(await sales.get(`/api/v1/assets?q=${encodeURIComponent('"pricing guide"')}`)).items.map((i) => i.id)).toEqual([a]);
    // (With a negated term ts_rank scores an AND query; only the set is asserted: everything but the CFO guide.)
    expect(json<Search>(await sales.get(`/api/v1/assets?q=${encodeURIComponent("pricing -cfos")}`)).items.map((i) => i.id).sort()).toEqual([b, c, d].sort());
    // Filters narrow; facets count what matches: 4 pricing hits = 2 engage (a, c) + 2 convert (b, d).
    expect(r.facets.stage).toEqual([{ value: "convert", count: 2 }, { value: "engage", count: 2 }]);
    expect(r.facets.persona).toEqual([{ value: "cfo", count: 2 }, { value: "cto", count: 2 }]);
    expect(r.facets.competitor).toEqual([{ value: "RivalCo", count: 2 }]);
    expect(r.facets.product).toEqual([{ value: "platform", count: 2 }]);
    expect(json<Search>(await sales.get("/api/v1/assets?q=pricing&stage=convert&competitor=RivalCo")).items.map((i) => i.id)).toEqual([b, d]);
    expect(json<Search>(await sales.get("/api/v1/assets?persona=cto&q=pricing")).items.map((i) => i.id)).toEqual([b, c]);
    // Without a query: newest first, paged by cursor; the library view (status=all) includes the draft.
    const page = json<Search>(await sales.get("/api/v1/assets?limit=2"));
    expect(page.total).toBe(5);
    expect(page.nextCursor).toBe("2");
    // A cursor past the last asset: no items, and the total still counts all five.
    expect(json<Search>(await sales.get("/api/v1/assets?limit=2&cursor=10"))).toMatchObject({ items: [], total: 5, nextCursor: null });
    expect(json<Search>(await sales.get("/api/v1/assets?status=all")).total).toBe(6);
    // Another workspace sees none of it.
    const other = await h.workspace("Other");
    expect(json<Search>(await h.as(other.users.sales).get("/api/v1/assets?q=pricing")).total).toBe(0);
  });
});

describe("publishing and review", () => {
  it("publishes Engage content directly and sends Convert content through a sales review", async () => {
    const ws = await h.workspace();
    const mkt = h.as(ws.users.marketing);
    const conv = json<{ id: string }>(await mkt.post("/api/v1/assets", { kind: "link", url: "https://example.com/roi", title: "ROI calculator", format: "calculator", buyingStage: "convert" }));
    const direct = await mkt.post(`/api/v1/assets/${conv.id}/publish`);
    expect(direct.statusCode).toBe(409);
    expect((await mkt.post(`/api/v1/assets/${conv.id}/submit`)).statusCode).toBe(200);
    // Marketing may not review its own content; sales sends it back with comments.
    expect((await mkt.post(`/api/v1/assets/${conv.id}/review`, { decision: "approve" })).statusCode).toBe(403);
    const noComment = await h.as(ws.users.sales).post(`/api/v1/assets/${conv.id}/review`, { decision: "send_back" });
    expect(noComment.statusCode).toBe(400);
    expect(json<{ details: { path: string }[] }>(noComment).details[0]!.path).toBe("body.comment");
    const back = json<{ status: string; reviewComment: string }>(await h.as(ws.users.sales).post(`/api/v1/assets/${conv.id}/review`, { decision: "send_back", comment: "Use this year's prices" }));
    expect(back).toMatchObject({ status: "draft", reviewComment: "Use this year's prices" });
    await mkt.post(`/api/v1/assets/${conv.id}/submit`);
    const ok = json<{ status: string; publishedAt: string }>(await h.as(ws.users.manager).post(`/api/v1/assets/${conv.id}/review`, { decision: "approve" }));
    expect(ok.status).toBe("published");
    expect(ok.publishedAt).toBe("2026-03-02T09:00:00.000Z");
    expect((await h.as(ws.users.sales).post(`/api/v1/assets/${conv.id}/review`, { decision: "approve" })).statusCode).toBe(409);
  });
});

describe("uploaded files", () => {
  it("accepts allow-listed types whose bytes match, refuses others, and serves active content as an attachment with nosniff and a CSP", async () => {
    const ws = await h.workspace();
    const mkt = h.as(ws.users.marketing);
    const mk = async (title: string) => json<{ id: string }>(await mkt.post("/api/v1/assets", { kind: "file", title, format: "whitepaper", buyingStage: "engage" })).id;
    const pdf = await mk("Guide");
    expect((await mkt.post(`/api/v1/assets/${pdf}/publish`)).statusCode).toBe(409); // no file yet
    const up = await upload(ws, pdf, "guide.pdf", Buffer.from("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"));
    expect(up.statusCode, up.body).toBe(200);
    expect(json(up)).toMatchObject({ fileName: "guide.pdf", fileMime: "application/pdf", fileSize: 35 });
    // An .exe, and HTML posing as a PDF, are refused (415).
    expect((await upload(ws, pdf, "tool.exe", Buffer.from("MZ\x90\x00"))).statusCode).toBe(415);
    expect((await upload(ws, pdf, "fake.pdf", Buffer.from("<html><script>alert(1)</script></html>"))).statusCode).toBe(415);
    const got = await h.as(ws.users.sdr).get(`/api/v1/assets/${pdf}/file`);
    expect(got.statusCode).toBe(200);
    expect(got.headers["content-type"]).toBe("application/pdf");
    expect(got.headers["content-disposition"]).toMatch(/^inline; filename="guide.pdf"/);
    expect(got.headers["x-content-type-options"]).toBe("nosniff");
    expect(got.headers["content-security-policy"]).toContain("default-src 'none'");
    expect(got.body.startsWith("%PDF-1.7")).toBe(true);
    // SVG is accepted but never inline.
    const svg = await mk("Diagram");
    expect((await upload(ws, svg, "d.svg", Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).statusCode).toBe(200);
    const svgGot = await mkt.get(`/api/v1/assets/${svg}/file`);
    expect(svgGot.headers["content-disposition"]).toMatch(/^attachment;/);
    expect(svgGot.headers["content-security-policy"]).toContain("sandbox");
    // Only members: no credentials is a 401, another workspace's member a 404.
    expect((await h.app.inject({ method: "GET", url: `/api/v1/assets/${pdf}/file` })).statusCode).toBe(401);
    const other = await h.workspace("Other");
    expect((await h.as(other.users.admin).get(`/api/v1/assets/${pdf}/file`)).statusCode).toBe(404);
    // Sales may not upload.
    const { payload, headers } = multipart("x.pdf", Buffer.from("%PDF-1.4"));
    expect((await h.app.inject({ method: "POST", url: `/api/v1/assets/${pdf}/file`, payload, headers: { ...headers, authorization: `Bearer ${ws.users.sales.token}` } })).statusCode).toBe(403);
  });

  it("refuses a file over the size limit with 413", async () => {
    const ws = await h.workspace();
    const id = json<{ id: string }>(await h.as(ws.users.marketing).post("/api/v1/assets", { kind: "file", title: "Huge", format: "video", buyingStage: "engage" })).id;
    const big = Buffer.alloc(20 * 1024 * 1024 + 1, 0x20);
    big.write("%PDF-1.4");
    const res = await upload(ws, id, "huge.pdf", big);
    expect(res.statusCode).toBe(413);
    expect(json(res)).toMatchObject({ error: "payload_too_large" });
  });
});
