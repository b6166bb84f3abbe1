/** Route-sweep cases: web capture settings (the public endpoints live outside /api/v1, tested in capture-public.routes.test.ts). */
import { type Case, NO_ID, NO_INPUT } from "./case.js";

export const CAPTURE_CASES: Record<string, Case> = {
  "GET /api/v1/capture/settings": {
    happy: () => ({ url: "/api/v1/capture/settings", as: "manager", status: 200 }),
    invalid: NO_INPUT,
    crossTenant: NO_ID,
    denied: () => ({ url: "/api/v1/capture/settings", as: "marketing" }),
  },
  "POST /api/v1/capture/settings/key": {
    happy: () => ({ url: "/api/v1/capture/settings/key", status: 200 }),
    invalid: NO_INPUT,
    crossTenant: NO_ID,
    denied: () => ({ url: "/api/v1/capture/settings/key", as: "manager" }),
  },
  "PUT /api/v1/capture/settings/origins": {
    happy: () => ({ url: "/api/v1/capture/settings/origins", body: { allowedOrigins: ["https://www.sweep.example"] }, status: 200 }),
    invalid: () => ({ url: "/api/v1/capture/settings/origins", body: { allowedOrigins: ["https://www.sweep.example/landing"] }, field: "body.allowedOrigins.0" }),
    crossTenant: NO_ID,
    denied: () => ({ url: "/api/v1/capture/settings/origins", body: { allowedOrigins: [] }, as: "manager" }),
  },
};
