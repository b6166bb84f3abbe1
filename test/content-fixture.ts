import type { Harness, TestWorkspace } from "./harness.js";

/** The content library's part of a route-sweep fixture. */
export type ContentFixture = {
  /** A published Engage link asset, attached to the fixture's deal and shared with its contact. */
  assetId: string;
  /** A draft Engage link asset. */
  draftAssetId: string;
  /** A published file asset (a small PDF). */
  fileAssetId: string;
  /** A Convert asset waiting for a sales review. */
  reviewAssetId: string;
};

/** A multipart body with one file, as a browser sends an upload. */
export function multipartFile(name: string, content: string) {
  const boundary = "----tandem-fixture";
  return {
    payload: Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n${content}\r\n--${boundary}--\r\n`),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

/** Creates the fixture's assets through the API as its marketing user. */
export async function createContentFixture(h: Harness, ws: TestWorkspace, ids: { contactId: string; dealId: string }): Promise<ContentFixture> {
  const mkt = h.as(ws.users.marketing);
  const ok = async (p: Promise<{ statusCode: number; body: string }>) => {
    const res = await p;
    if (res.statusCode >= 300) throw new Error(`content fixture step failed: ${res.statusCode} ${res.body}`);
    return JSON.parse(res.body || "{}") as { id: string };
  };
  const link = (title: string, buyingStage: string) => ok(mkt.post("/api/v1/assets", { kind: "link", url: "https://example.com/asset", title, format: "one_pager", buyingStage, personas: ["cfo"] }));
  const asset = await link("Fixture one-pager", "engage");
  await ok(mkt.post(`/api/v1/assets/${asset.id}/publish`));
  const draft = await link("Fixture draft", "engage");
  const review = await link("Fixture ROI deck", "convert");
  await ok(mkt.post(`/api/v1/assets/${review.id}/submit`));
  const file = await ok(mkt.post("/api/v1/assets", { kind: "file", title: "Fixture guide", format: "whitepaper", buyingStage: "engage" }));
  const { payload, contentType } = multipartFile("guide.pdf", "%PDF-1.4 fixture");
  await ok(h.app.inject({ method: "POST", url: `/api/v1/assets/${file.id}/file`, payload, headers: { "content-type": contentType, authorization: `Bearer ${ws.users.marketing.token}` } }));
  await ok(mkt.post(`/api/v1/assets/${file.id}/publish`));
  const rep = h.as(ws.users.sales);
  await ok(rep.post(`/api/v1/deals/${ids.dealId}/assets`, { assetId: asset.id }));
  await ok(rep.post(`/api/v1/assets/${asset.id}/shares`, { contactId: ids.contactId }));
  return { assetId: asset.id, draftAssetId: draft.id, fileAssetId: file.id, reviewAssetId: review.id };
}
