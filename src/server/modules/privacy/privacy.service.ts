import { sql } from "drizzle-orm";
import type { Database, Tx } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import { requireRole, type RequestContext } from "../../platform/actor.js";
import { recordAudit } from "../../platform/audit.js";
import { notFound } from "../../../shared/errors.js";
import { PERMISSIONS } from "../../../shared/domain/permissions.js";
import { contactExport } from "../../reports/contact-export.report.js";
import type { ContactExportDocument, EraseContactResult } from "../../../shared/contracts/privacy.js";
import type { SuppressionsRepository } from "./suppressions.repository.js";
import { forgetStoredResponsesIn } from "../../platform/http/idempotency.js";
import { personTerms, type ErasedPerson } from "../../../shared/domain/redact.js";

/** What an erasure needs of the crm module. */
export type ContactErasure = {
  findIn(tx: Tx, workspaceId: string, contactId: string): Promise<{ id: string; email: string | null; firstName: string | null; lastName: string | null } | null>;
  deleteIn(tx: Tx, workspaceId: string, contactId: string): Promise<void>;
};
/** What an erasure needs of the touchpoints module. */
export type TouchpointErasure = { deleteVisitorTouchesIn(tx: Tx, workspaceId: string, contactId: string): Promise<number> };

/**
 * A module's part of an erasure, run in the erasing transaction: records that keep a use or an event but quoted the
 * person (notification texts, webhook payloads, asset events) drop its id, e-mail and names.
 */
export type QuotedPersonalData = (tx: Tx, workspaceId: string, person: ErasedPerson) => Promise<void>;

type Deps = { db: Database; clock: Clock; suppressions: SuppressionsRepository; contacts: ContactErasure; touchpoints: TouchpointErasure; quoted: readonly QuotedPersonalData[] };

/** GDPR: export everything about a contact, erase a contact everywhere and keep them from coming back. */
export function createPrivacyService({ db, clock, suppressions, contacts, touchpoints, quoted }: Deps) {
  /** Everything about a contact as one JSON document; the export itself is audited (without its content). */
  async function exportContact(ctx: RequestContext, contactId: string): Promise<ContactExportDocument> {
    requireRole(ctx.actor, PERMISSIONS.exportPersonalData, "export personal data");
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const doc = await contactExport(tx, ctx.workspaceId, contactId);
      if (!doc) throw notFound("Contact");
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "contact.exported", entity: "contact", entityId: contactId, changes: { sections: Object.keys(doc).length } }, ctx.requestId);
      return { exportedAt: now, ...doc };
    });
  }

  /**
   * Erases a contact: its row and everything that cascades from it (stage moves, touchpoints, score events, deal
   * roles, handoffs, SLA timers, playbook assignments, visitor ids and their anonymous touches), blanks the changes
   * of audit entries about it, redacts it where other modules quoted it (`quoted`: notifications, webhook
   * deliveries, asset events, stored import files and their error reports) and in stored idempotent responses, and suppresses the e-mail's hash so ingest and
   * web capture do not recreate it.
   * Deals stay (company records) without the person; attribution credits keep only ids, weights and amounts.
   */
  async function eraseContact(ctx: RequestContext, contactId: string): Promise<EraseContactResult> {
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const c = await contacts.findIn(tx, ctx.workspaceId, contactId);
      if (!c) throw notFound("Contact");
      requireRole(ctx.actor, PERMISSIONS.erasePersonalData, "erase contacts");
      if (c.email) await suppressions.suppress(tx, ctx.workspaceId, c.email, now);
      const visitorTouches = await touchpoints.deleteVisitorTouchesIn(tx, ctx.workspaceId, contactId);
      const own = await tx.execute<{ n: number }>(sql`select count(*)::int as n from touchpoints where workspace_id = ${ctx.workspaceId} and contact_id = ${contactId}`);
      const person: ErasedPerson = { contactId, email: c.email, terms: personTerms(c) };
      for (const redact of quoted) await redact(tx, ctx.workspaceId, person);
      await forgetStoredResponsesIn(tx, ctx.workspaceId, [contactId, ...person.terms]);
      await contacts.deleteIn(tx, ctx.workspaceId, contactId);
      await tx.execute(sql`select tandem_redact_audit(${ctx.workspaceId}::uuid, array[${contactId}::uuid])`);
      // Recorded after the redaction and without personal data: who erased which id, when.
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "contact.erased", entity: "contact", entityId: contactId, changes: { suppressed: Boolean(c.email) } }, ctx.requestId);
      return { contactId, erased: true as const, suppressed: Boolean(c.email), touchpointsDeleted: visitorTouches + (own.rows[0]?.n ?? 0) };
    });
  }

  return { exportContact, eraseContact };
}

export type PrivacyService = ReturnType<typeof createPrivacyService>;
