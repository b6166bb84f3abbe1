import type { FastifyInstance } from "fastify";
import type { Database, Queryable } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import type { ReasonCodesService } from "../feedback/index.js";
import { createAccountsRepository } from "./accounts.repository.js";
import { createAccountsService } from "./accounts.service.js";
import { accountsRoutes } from "./accounts.routes.js";
import { createContactsRepository } from "./contacts.repository.js";
import { createContactsService } from "./contacts.service.js";
import { contactsRoutes } from "./contacts.routes.js";
import { createDealsRepository } from "./deals.repository.js";
import { createDealsService } from "./deals.service.js";
import { dealsRoutes } from "./deals.routes.js";
import { createLifecycleService } from "./lifecycle.service.js";

type Deps = { db: Database; clock: Clock; reasons: Pick<ReasonCodesService, "assertActiveReason"> };

/** Accounts, contacts (with the lifecycle) and deals. */
export function createCrmModule({ db, clock, reasons }: Deps) {
  const contactsRepo = createContactsRepository();
  const lifecycle = createLifecycleService({ repo: contactsRepo, clock, reasons });
  const accounts = createAccountsService({ db, repo: createAccountsRepository(), clock });
  const contacts = createContactsService({ db, repo: contactsRepo, lifecycle, clock });
  const deals = createDealsService({ db, repo: createDealsRepository(), contacts: contactsRepo, lifecycle, reasons, clock });
  async function routes(app: FastifyInstance) {
    await app.register(accountsRoutes, { accounts });
    await app.register(contactsRoutes, { contacts });
    await app.register(dealsRoutes, { deals });
  }
  /** Lets other modules resolve a contact's account without reading the contacts table. */
  async function contactAccountId(tx: Queryable, workspaceId: string, contactId: string) {
    const c = await contactsRepo.findById(tx, workspaceId, contactId);
    return c ? { accountId: c.accountId } : null;
  }
  return { routes, accounts, contacts, deals, lifecycle, contactAccountId };
}

export type CrmModule = ReturnType<typeof createCrmModule>;
