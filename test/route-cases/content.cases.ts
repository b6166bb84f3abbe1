/** Route-sweep cases: the content library (assets, files, review, shares, deal attachments, recommendations). */
import { type Case, NO_ID, OPEN } from "./case.js";

const LINK = { kind: "link", url: "https://example.com/new", title: "New one-pager", format: "one_pager", buyingStage: "engage" };

export const CONTENT_CASES: Record<string, Case> = {
  "GET /api/v1/assets": {
    happy: () => ({ url: "/api/v1/assets?q=fixture&persona=cfo", as: "sdr", status: 200 }),
    invalid: () => ({ url: "/api/v1/assets?stage=closing", field: "query.stage" }),
    crossTenant: NO_ID,
    denied: OPEN,
  },
  "POST /api/v1/assets": {
    happy: () => ({ url: "/api/v1/assets", body: LINK, as: "marketing", status: 201 }),
    invalid: () => ({ url: "/api/v1/assets", body: { ...LINK, format: "scroll" }, field: "body.format" }),
    crossTenant: NO_ID,
    denied: () => ({ url: "/api/v1/assets", body: LINK, as: "sales" }),
  },
  "GET /api/v1/assets/:id": {
    happy: (a) => ({ url: `/api/v1/assets/${a.assetId}`, as: "sdr", status: 200 }),
    invalid: () => ({ url: "/api/v1/assets/nope", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/assets/${b.assetId}` }),
    denied: OPEN,
  },
  "PATCH /api/v1/assets/:id": {
    happy: (a) => ({ url: `/api/v1/assets/${a.assetId}`, body: { title: "Renamed", personas: ["cto"] }, as: "marketing", status: 200 }),
    invalid: (a) => ({ url: `/api/v1/assets/${a.assetId}`, body: { buyingStage: "closing" }, field: "body.buyingStage" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/assets/${b.assetId}`, body: { title: "x" } }),
    denied: (a) => ({ url: `/api/v1/assets/${a.assetId}`, body: { title: "x" }, as: "sales" }),
  },
  "POST /api/v1/assets/:id/file": {
    happy: (a) => ({ url: `/api/v1/assets/${a.fileAssetId}/file`, multipart: { name: "v2.pdf", content: "%PDF-1.5 v2" }, as: "marketing", status: 200 }),
    invalid: () => ({ url: "/api/v1/assets/nope/file", multipart: { name: "v2.pdf", content: "%PDF-1.5" }, field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/assets/${b.fileAssetId}/file`, multipart: { name: "v2.pdf", content: "%PDF-1.5" } }),
    denied: (a) => ({ url: `/api/v1/assets/${a.fileAssetId}/file`, multipart: { name: "v2.pdf", content: "%PDF-1.5" }, as: "sales" }),
  },
  "GET /api/v1/assets/:id/file": {
    happy: (a) => ({ url: `/api/v1/assets/${a.fileAssetId}/file?download=1`, as: "sdr", status: 200 }),
    invalid: (a) => ({ url: `/api/v1/assets/${a.fileAssetId}/file?download=yes`, field: "query.download" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/assets/${b.fileAssetId}/file` }),
    denied: OPEN,
  },
  "POST /api/v1/assets/:id/submit": {
    happy: (a) => ({ url: `/api/v1/assets/${a.draftAssetId}/submit`, as: "marketing", status: 200 }),
    invalid: () => ({ url: "/api/v1/assets/nope/submit", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/assets/${b.draftAssetId}/submit` }),
    denied: (a) => ({ url: `/api/v1/assets/${a.draftAssetId}/submit`, as: "sdr" }),
  },
  "POST /api/v1/assets/:id/publish": {
    happy: (a) => ({ url: `/api/v1/assets/${a.draftAssetId}/publish`, as: "marketing", status: 200 }),
    invalid: () => ({ url: "/api/v1/assets/nope/publish", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/assets/${b.draftAssetId}/publish` }),
    denied: (a) => ({ url: `/api/v1/assets/${a.draftAssetId}/publish`, as: "sales" }),
  },
  "POST /api/v1/assets/:id/retire": {
    happy: (a) => ({ url: `/api/v1/assets/${a.assetId}/retire`, as: "manager", status: 200 }),
    invalid: () => ({ url: "/api/v1/assets/nope/retire", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/assets/${b.assetId}/retire` }),
    denied: (a) => ({ url: `/api/v1/assets/${a.assetId}/retire`, as: "sdr" }),
  },
  "POST /api/v1/assets/:id/review": {
    happy: (a) => ({ url: `/api/v1/assets/${a.reviewAssetId}/review`, body: { decision: "approve" }, as: "sales", status: 200 }),
    invalid: (a) => ({ url: `/api/v1/assets/${a.reviewAssetId}/review`, body: { decision: "send_back" }, field: "body.comment" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/assets/${b.reviewAssetId}/review`, body: { decision: "approve" }, as: "sales" }),
    denied: (a) => ({ url: `/api/v1/assets/${a.reviewAssetId}/review`, body: { decision: "approve" }, as: "marketing" }),
  },
  "POST /api/v1/assets/:id/shares": {
    happy: (a) => ({ url: `/api/v1/assets/${a.assetId}/shares`, body: { contactId: a.contactId, dealId: a.dealId }, as: "sdr", status: 201 }),
    invalid: (a) => ({ url: `/api/v1/assets/${a.assetId}/shares`, body: {}, field: "body.contactId" }),
    crossTenant: (a, b) => ({ url: `/api/v1/assets/${b.assetId}/shares`, body: { contactId: a.contactId } }),
    denied: (a) => ({ url: `/api/v1/assets/${a.assetId}/shares`, body: { contactId: a.contactId }, as: "marketing" }),
  },
  "GET /api/v1/assets/:id/usage": {
    happy: (a) => ({ url: `/api/v1/assets/${a.assetId}/usage`, as: "marketing", status: 200 }),
    invalid: () => ({ url: "/api/v1/assets/nope/usage", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/assets/${b.assetId}/usage` }),
    denied: OPEN,
  },
  "GET /api/v1/contacts/:id/recommended-content": {
    happy: (a) => ({ url: `/api/v1/contacts/${a.mqlContactId}/recommended-content`, as: "sdr", status: 200 }),
    invalid: () => ({ url: "/api/v1/contacts/nope/recommended-content", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/contacts/${b.contactId}/recommended-content` }),
    denied: OPEN,
  },
  "GET /api/v1/deals/:id/recommended-content": {
    happy: (a) => ({ url: `/api/v1/deals/${a.dealId}/recommended-content`, as: "sales", status: 200 }),
    invalid: () => ({ url: "/api/v1/deals/nope/recommended-content", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/deals/${b.dealId}/recommended-content` }),
    denied: OPEN,
  },
  "GET /api/v1/deals/:id/assets": {
    happy: (a) => ({ url: `/api/v1/deals/${a.dealId}/assets`, as: "sales", status: 200 }),
    invalid: () => ({ url: "/api/v1/deals/nope/assets", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/deals/${b.dealId}/assets` }),
    denied: OPEN,
  },
  "POST /api/v1/deals/:id/assets": {
    happy: (a) => ({ url: `/api/v1/deals/${a.openDealId}/assets`, body: { assetId: a.fileAssetId }, as: "sales", status: 200 }),
    invalid: (a) => ({ url: `/api/v1/deals/${a.openDealId}/assets`, body: { assetId: "nope" }, field: "body.assetId" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/deals/${b.openDealId}/assets`, body: { assetId: b.fileAssetId } }),
    denied: (a) => ({ url: `/api/v1/deals/${a.openDealId}/assets`, body: { assetId: a.fileAssetId }, as: "marketing" }),
  },
  "DELETE /api/v1/deals/:id/assets/:assetId": {
    happy: (a) => ({ url: `/api/v1/deals/${a.dealId}/assets/${a.assetId}`, as: "sales", status: 204 }),
    invalid: (a) => ({ url: `/api/v1/deals/${a.dealId}/assets/nope`, field: "params.assetId" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/deals/${b.dealId}/assets/${b.assetId}` }),
    denied: (a) => ({ url: `/api/v1/deals/${a.dealId}/assets/${a.assetId}`, as: "marketing" }),
  },
  "GET /api/v1/reports/content-usage": {
    happy: () => ({ url: "/api/v1/reports/content-usage?groupBy=team", as: "sales", status: 200 }),
    invalid: () => ({ url: "/api/v1/reports/content-usage?groupBy=region", field: "query.groupBy" }),
    crossTenant: NO_ID,
    denied: OPEN,
  },
  "GET /api/v1/reports/content-unused": {
    happy: () => ({ url: "/api/v1/reports/content-unused", as: "marketing", status: 200 }),
    invalid: () => ({ url: "/api/v1/reports/content-unused?from=2026-13-01", field: "query.from" }),
    crossTenant: NO_ID,
    denied: OPEN,
  },
  "GET /api/v1/reports/content-effectiveness": {
    happy: () => ({ url: "/api/v1/reports/content-effectiveness?from=2026-01-01&to=2026-03-01", as: "manager", status: 200 }),
    invalid: () => ({ url: "/api/v1/reports/content-effectiveness?from=2026-03-01&to=2026-01-01", field: "query.from" }),
    crossTenant: NO_ID,
    denied: OPEN,
  },
  "GET /api/v1/reports/content-roi": {
    happy: () => ({ url: "/api/v1/reports/content-roi", as: "marketing", status: 200 }),
    invalid: () => ({ url: "/api/v1/reports/content-roi?to=yesterday", field: "query.to" }),
    crossTenant: NO_ID,
    denied: OPEN,
  },
};
