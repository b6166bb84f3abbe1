/** Route-sweep cases: CSV imports (upload, list, status, start, error report). */
import { type Case, NO_ID, OPEN } from "./case.js";

const FILE = { name: "people.csv", content: "email,last name\nzed@sweep.example,Zed\n" };

export const IMPORTS_CASES: Record<string, Case> = {
  "POST /api/v1/imports": {
    happy: () => ({ url: "/api/v1/imports?entity=contacts&preset=hubspot", multipart: FILE, status: 201 }),
    invalid: () => ({ url: "/api/v1/imports?entity=widgets", multipart: FILE, field: "query.entity" }),
    crossTenant: NO_ID,
    denied: () => ({ url: "/api/v1/imports?entity=contacts", multipart: FILE, as: "sales" }),
  },
  "GET /api/v1/imports": {
    happy: () => ({ url: "/api/v1/imports", as: "sdr", status: 200 }),
    invalid: () => ({ url: "/api/v1/imports?entity=widgets", field: "query.entity" }),
    crossTenant: NO_ID,
    denied: OPEN,
  },
  "GET /api/v1/imports/:id": {
    happy: (a) => ({ url: `/api/v1/imports/${a.importId}`, as: "marketing", status: 200 }),
    invalid: () => ({ url: "/api/v1/imports/nope", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/imports/${b.importId}` }),
    denied: OPEN,
  },
  "POST /api/v1/imports/:id/start": {
    happy: (a) => ({ url: `/api/v1/imports/${a.importId}/start`, body: { dryRun: true }, as: "manager", status: 202 }),
    invalid: (a) => ({ url: `/api/v1/imports/${a.importId}/start`, body: { dryRun: "yes" }, field: "body.dryRun" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/imports/${b.importId}/start`, body: {} }),
    denied: (a) => ({ url: `/api/v1/imports/${a.importId}/start`, body: {}, as: "marketing" }),
  },
  "GET /api/v1/imports/:id/errors.csv": {
    happy: (a) => ({ url: `/api/v1/imports/${a.importId}/errors.csv`, as: "sales", status: 200 }),
    invalid: () => ({ url: "/api/v1/imports/nope/errors.csv", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/imports/${b.importId}/errors.csv` }),
    denied: OPEN,
  },
};
