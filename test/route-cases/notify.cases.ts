/** Route-sweep cases: notification preferences. */
import { type Case, OPEN, NO_ID, NO_INPUT } from "./case.js";

export const NOTIFY_CASES: Record<string, Case> = {
  "GET /api/v1/notification-preferences": { happy: () => ({ url: "/api/v1/notification-preferences", as: "sdr", status: 200 }), invalid: NO_INPUT, crossTenant: NO_ID, denied: OPEN },
  "PUT /api/v1/notification-preferences": {
    happy: () => ({ url: "/api/v1/notification-preferences", body: { preferences: [{ kind: "lead.assigned", inApp: true, email: false }] }, as: "sales", status: 200 }),
    invalid: () => ({ url: "/api/v1/notification-preferences", body: { preferences: [{ kind: "lead.teleported", inApp: true, email: false }] }, field: "body.preferences.0.kind" }),
    crossTenant: NO_ID,
    denied: OPEN,
  },
};
