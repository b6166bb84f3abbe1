/** Route-sweep cases: CSV exports of every list (the list's filters, its permissions, all rows streamed). */
import { type Case, NO_ID, OPEN } from "./case.js";

/** A list export takes no id; another workspace's ids in its filters match no rows (checked in the export tests). */
const FILTERS_ONLY = "an export takes no id: another workspace's ids in its filters match no rows (see *.exports.test.ts)";

export const EXPORTS_CASES: Record<string, Case> = {
  "GET /api/v1/contacts/export.csv": {
    happy: () => ({ url: "/api/v1/contacts/export.csv?stage=lead,mql&sort=lastName", as: "sdr", status: 200 }),
    invalid: () => ({ url: "/api/v1/contacts/export.csv?stage=hot", field: "query.stage" }),
    crossTenant: FILTERS_ONLY,
    denied: OPEN,
  },
  "GET /api/v1/accounts/export.csv": {
    happy: () => ({ url: "/api/v1/accounts/export.csv?customerStatus=prospect", as: "marketing", status: 200 }),
    invalid: () => ({ url: "/api/v1/accounts/export.csv?customerStatus=lapsed", field: "query.customerStatus" }),
    crossTenant: FILTERS_ONLY,
    denied: OPEN,
  },
  "GET /api/v1/deals/export.csv": {
    happy: () => ({ url: "/api/v1/deals/export.csv?open=true&sort=-amount", as: "sales", status: 200 }),
    invalid: () => ({ url: "/api/v1/deals/export.csv?sort=color", field: "query.sort" }),
    crossTenant: FILTERS_ONLY,
    denied: OPEN,
  },
  "GET /api/v1/campaigns/export.csv": {
    happy: () => ({ url: "/api/v1/campaigns/export.csv?channel=webinar,email", as: "sales", status: 200 }),
    invalid: () => ({ url: "/api/v1/campaigns/export.csv?channel=tv", field: "query.channel" }),
    crossTenant: FILTERS_ONLY,
    denied: OPEN,
  },
  "GET /api/v1/touchpoints/export.csv": {
    happy: (a) => ({ url: `/api/v1/touchpoints/export.csv?contactId=${a.contactId}`, as: "sales", status: 200 }),
    invalid: () => ({ url: "/api/v1/touchpoints/export.csv?from=yesterday", field: "query.from" }),
    crossTenant: FILTERS_ONLY,
    denied: OPEN,
  },
  "GET /api/v1/handoffs/export.csv": {
    happy: (a) => ({ url: `/api/v1/handoffs/export.csv?toUserId=${a.users.sales.userId}`, as: "sdr", status: 200 }),
    invalid: () => ({ url: "/api/v1/handoffs/export.csv?toUserId=nope", field: "query.toUserId" }),
    crossTenant: FILTERS_ONLY,
    denied: OPEN,
  },
  "GET /api/v1/inbox/export.csv": {
    happy: () => ({ url: "/api/v1/inbox/export.csv", as: "sales", status: 200 }),
    invalid: () => ({ url: "/api/v1/inbox/export.csv?ownerId=nope", field: "query.ownerId" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/inbox/export.csv?ownerId=${b.users.sales.userId}`, as: "manager" }),
    denied: (a) => ({ url: `/api/v1/inbox/export.csv?ownerId=${a.users.sdr.userId}`, as: "sales" }),
  },
  "GET /api/v1/feedback/rejections/export.csv": {
    happy: () => ({ url: "/api/v1/feedback/rejections/export.csv?by=source", as: "marketing", status: 200 }),
    invalid: () => ({ url: "/api/v1/feedback/rejections/export.csv?by=persona", field: "query.by" }),
    crossTenant: NO_ID,
    denied: OPEN,
  },
  "GET /api/v1/reason-codes/export.csv": {
    happy: () => ({ url: "/api/v1/reason-codes/export.csv?kind=loss", as: "sdr", status: 200 }),
    invalid: () => ({ url: "/api/v1/reason-codes/export.csv?kind=bogus", field: "query.kind" }),
    crossTenant: NO_ID,
    denied: OPEN,
  },
  "GET /api/v1/imports/export.csv": {
    happy: () => ({ url: "/api/v1/imports/export.csv?entity=contacts", as: "sdr", status: 200 }),
    invalid: () => ({ url: "/api/v1/imports/export.csv?entity=widgets", field: "query.entity" }),
    crossTenant: NO_ID,
    denied: OPEN,
  },
  "GET /api/v1/users/export.csv": {
    happy: () => ({ url: "/api/v1/users/export.csv?role=sales,sdr", as: "marketing", status: 200 }),
    invalid: () => ({ url: "/api/v1/users/export.csv?active=maybe", field: "query.active" }),
    crossTenant: FILTERS_ONLY,
    denied: OPEN,
  },
  "GET /api/v1/audit/export.csv": {
    happy: () => ({ url: "/api/v1/audit/export.csv?entity=contact", as: "manager", status: 200 }),
    invalid: () => ({ url: "/api/v1/audit/export.csv?entityId=nope", field: "query.entityId" }),
    crossTenant: FILTERS_ONLY,
    denied: () => ({ url: "/api/v1/audit/export.csv", as: "sales" }),
  },
};
