import type { FastifyInstance } from "fastify";
import type { Database, Queryable, Tx } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import type { ReasonCodesService } from "../feedback/index.js";
import { createAccountsRepository } from "./accounts.repository.js";
import { createAccountsService } from "./accounts.service.js";
import { accountsRoutes } from "./accounts.routes.js";
import { createContactsRepository } from "./contacts.repository.js";
import { createContactsService } from "./contacts.service.js";
import { contactsRoutes } from "./contacts.routes.js";
import { createDealsRepository } from "./deals.repository.js";
import { createDealsService, type DealChangedHook, type DealClosedHook } from "./deals.service.js";
import { dealsRoutes } from "./deals.routes.js";
import { createLifecycleService } from "./lifecycle.service.js";
import { createProductsRepository } from "./products.repository.js";
import { createProductsService } from "./products.service.js";
import { productsRoutes } from "./products.routes.js";
import { createScoringAccess } from "./scoring-access.js";
import { createRoutingAccess } from "./routing-access.js";
import { createIdentityAccess } from "./identity-access.js";
import { createNamesAccess } from "./names-access.js";
import { createCrmExports } from "./crm.exports.js";
import { csvExportRoutes } from "../../platform/http/csv-export.js";
import { createPersonaAccess } from "./persona-access.js";
import type { StageChange } from "./lifecycle.service.js";

export type CrmHooks = {
  /** Run in the writing transaction after a contact's fields change (scoring recomputes fit). */
  contactChanged: ((tx: Tx, workspaceId: string, contactId: string) => Promise<void>)[];
  /**
   * The set form of contactChanged, for paths that create many contacts at once (batch ingest, touchpoint imports):
   * each hook handles all of them in a few statements instead of a few per contact.
   */
  contactsChanged: ((tx: Tx, workspaceId: string, contactIds: string[]) => Promise<void>)[];
  /** Run in the writing transaction after an account's fields change. */
  accountChanged: ((tx: Tx, workspaceId: string, accountId: string) => Promise<void>)[];
  /**
   * Run in the moving transaction after a lifecycle move is written (routing hands new MQLs to a rep, SLA timers start
   * and stop, webhooks publish); a hook that changed the contact's row says so (true) and the move re-reads it.
   */
  stageChanged: ((tx: Tx, workspaceId: string, change: StageChange) => Promise<boolean>)[];
  /** Run in the closing transaction after a deal closes (webhooks publish deal.won / deal.lost). */
  dealClosed: DealClosedHook[];
  /**
   * Run in the writing transaction after a deal is created, closed, or changes in what attribution reads (amount,
   * stage, primary contact, its contacts) or its competitor; attribution rewrites the deal's credits, enablement tags the competitor.
   */
  dealChanged: DealChangedHook[];
};

type Deps = { db: Database; clock: Clock; reasons: Pick<ReasonCodesService, "assertActiveReason"> };

/** Accounts, contacts (with the lifecycle) and deals. */
export function createCrmModule({ db, clock, reasons }: Deps) {
  const hooks: CrmHooks = { contactChanged: [], contactsChanged: [], accountChanged: [], stageChanged: [], dealClosed: [], dealChanged: [] };
  const contactsRepo = createContactsRepository();
  const lifecycle = createLifecycleService({ repo: contactsRepo, clock, reasons, hooks });
  const accountsRepo = createAccountsRepository();
  const accounts = createAccountsService({ db, repo: accountsRepo, clock, hooks });
  const contacts = createContactsService({ db, repo: contactsRepo, lifecycle, clock, hooks });
  const products = createProductsService({ db, repo: createProductsRepository(), accounts: accountsRepo, clock });
  const dealsRepo = createDealsRepository();
  const deals = createDealsService({ db, repo: dealsRepo, contacts: contactsRepo, lifecycle, products, reasons, clock, hooks });
  const csvExports = createCrmExports({ contacts, accounts, deals });
  async function routes(app: FastifyInstance) {
    await app.register(csvExportRoutes(csvExports));
    await app.register(accountsRoutes, { accounts });
    await app.register(contactsRoutes, { contacts });
    await app.register(dealsRoutes, { deals });
    await app.register(productsRoutes, { products });
  }
  /** Lets other modules resolve a contact's account without reading the contacts table. */
  async function contactAccountId(tx: Queryable, workspaceId: string, contactId: string) {
    const c = await contactsRepo.findById(tx, workspaceId, contactId);
    return c ? { accountId: c.accountId } : null;
  }
  /** Lets other modules check that an account exists in the workspace (growth's reviews) without reading its table. */
  async function accountExists(tx: Queryable, workspaceId: string, accountId: string) {
    return (await accountsRepo.findById(tx, workspaceId, accountId)) !== null;
  }
  /** What a GDPR erasure needs of contacts: the row (locked) and the delete that cascades to its records. */
  const erasure = {
    findIn: (tx: Tx, workspaceId: string, contactId: string) => contactsRepo.findById(tx, workspaceId, contactId, true),
    deleteIn: async (tx: Tx, workspaceId: string, contactId: string) => {
      const c = await contactsRepo.findById(tx, workspaceId, contactId, true);
      if (c) await contacts.removeIn(tx, workspaceId, c);
    },
  };
  /** Lets other modules check a deal and read its competitor name without reading the deals table. */
  async function dealRef(tx: Queryable, workspaceId: string, dealId: string) {
    const d = await dealsRepo.findById(tx, workspaceId, dealId);
    return d ? { id: d.id, name: d.name, accountId: d.accountId, competitor: d.competitor, closedAt: d.closedAt } : null;
  }
  /** The deals a contact is on (as primary contact or with a buying role), newest first. */
  function contactDealIds(tx: Queryable, workspaceId: string, contactId: string) {
    return dealsRepo.idsForContact(tx, workspaceId, contactId);
  }
  /**
   * Runs the dealChanged hooks (attribution credits, deal facts) for deals written in bulk by a CSV import, in the
   * import's transaction: imports write the deals table set-based and notify here instead of per-row services.
   */
  async function dealsChangedIn(tx: Tx, workspaceId: string, dealIds: readonly string[]) {
    for (const id of dealIds) for (const hook of hooks.dealChanged) await hook(tx, workspaceId, id);
  }
  return { routes, csvExports, accounts, contacts, deals, products, lifecycle, contactAccountId, accountExists, dealRef, contactDealIds, erasure, hooks, dealsChangedIn, scoringAccess: createScoringAccess(), routingAccess: createRoutingAccess(), identityAccess: createIdentityAccess(hooks), names: createNamesAccess(), personaAccess: createPersonaAccess() };
}

export type CrmModule = ReturnType<typeof createCrmModule>;
export type { StageChange };
export type { IdentityAccess, PersonInput, ResolvedContact, Utm } from "./identity-access.js";
export type { NamesAccess } from "./names-access.js";
export { companyDomainOf } from "./identity-access.js";
export type { PersonaAccess, PersonaCandidate } from "./persona-access.js";
export type { DealClosed } from "./deals.service.js";
