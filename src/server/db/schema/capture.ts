import { sql } from "drizzle-orm";
import { foreignKey, index, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { ts, workspaceId } from "./columns.js";
import { contacts } from "./crm.js";

/** Web capture set-up: the publishable key of the public form/tracking endpoints and the origins allowed to call them. */
export const captureSettings = pgTable(
  "capture_settings",
  {
    workspaceId: workspaceId(),
    // Carries the workspace id in clear (see docs/INGEST.md), so a public request finds its tenant without a cross-tenant index.
    publishableKey: text("publishable_key").notNull(),
    allowedOrigins: text("allowed_origins").array().notNull().default(sql`'{}'::text[]`),
    rotatedAt: ts("rotated_at").notNull(),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId] })],
);

/** Anonymous visitor ids (tracking snippet) merged into a contact on a form submission. */
export const visitors = pgTable(
  "visitors",
  {
    workspaceId: workspaceId(),
    visitorId: text("visitor_id").notNull(),
    contactId: uuid("contact_id").notNull(),
    mergedAt: ts("merged_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.visitorId] }),
    foreignKey({ columns: [t.workspaceId, t.contactId], foreignColumns: [contacts.workspaceId, contacts.id] }).onDelete("cascade"),
    // serves: GDPR export/erase of a contact's visitor ids
    index("visitors_contact_idx").on(t.workspaceId, t.contactId),
  ],
);

/** Erased people: a hash of the e-mail, so a later form submission or ingest does not recreate them. */
export const suppressions = pgTable(
  "suppressions",
  {
    workspaceId: workspaceId(),
    emailHash: text("email_hash").notNull(),
    createdAt: ts("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.emailHash] })],
);
