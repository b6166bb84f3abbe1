import { ListAccountsQuerySchema } from "../../../shared/contracts/accounts.js";
import { ListContactsQuerySchema } from "../../../shared/contracts/contacts.js";
import { ListDealsQuerySchema } from "../../../shared/contracts/deals.js";
import { defineCsvExport } from "../../platform/http/csv-export.js";
import type { AccountsService } from "./accounts.service.js";
import type { ContactsService } from "./contacts.service.js";
import type { DealsService } from "./deals.service.js";

type Deps = { contacts: Pick<ContactsService, "listContacts">; accounts: Pick<AccountsService, "listAccounts">; deals: Pick<DealsService, "listDeals"> };

/** CSV exports of the contacts, accounts and deals lists, through the lists' own page reads. */
export function createCrmExports({ contacts, accounts, deals }: Deps) {
  return [
    defineCsvExport({
      list: "contacts",
      path: "/contacts/export.csv",
      summary: "Every contact matching the list's filters, as CSV (streamed)",
      tags: ["contacts", "exports"],
      query: ListContactsQuerySchema,
      page: contacts.listContacts,
      columns: [
        { header: "id", value: (c) => c.id },
        { header: "email", value: (c) => c.email },
        { header: "first name", value: (c) => c.firstName },
        { header: "last name", value: (c) => c.lastName },
        { header: "title", value: (c) => c.title },
        { header: "seniority", value: (c) => c.seniority },
        { header: "department", value: (c) => c.department },
        { header: "phone", value: (c) => c.phone },
        { header: "country", value: (c) => c.country },
        { header: "account id", value: (c) => c.accountId },
        { header: "account", value: (c) => c.accountName },
        { header: "stage", value: (c) => c.stage },
        { header: "stage entered at", value: (c) => c.stageEnteredAt },
        { header: "fit grade", value: (c) => c.fitGrade },
        { header: "fit points", value: (c) => c.fitPoints },
        { header: "engagement score", value: (c) => c.engagementScore },
        { header: "predictive score", value: (c) => c.predictiveScore },
        { header: "persona", value: (c) => c.persona },
        { header: "source", value: (c) => c.source },
        { header: "channel", value: (c) => c.channel },
        { header: "owner id", value: (c) => c.ownerId },
        { header: "sdr id", value: (c) => c.sdrId },
        { header: "consent", value: (c) => c.consent },
        { header: "mql at", value: (c) => c.mqlAt },
        { header: "sql at", value: (c) => c.sqlAt },
        { header: "customer at", value: (c) => c.customerAt },
        { header: "created at", value: (c) => c.createdAt },
      ],
    }),
    defineCsvExport({
      list: "accounts",
      path: "/accounts/export.csv",
      summary: "Every account matching the list's filters, as CSV (streamed)",
      tags: ["accounts", "exports"],
      query: ListAccountsQuerySchema,
      page: accounts.listAccounts,
      columns: [
        { header: "id", value: (a) => a.id },
        { header: "name", value: (a) => a.name },
        { header: "domain", value: (a) => a.domain },
        { header: "industry", value: (a) => a.industry },
        { header: "employees", value: (a) => a.employees },
        { header: "annual revenue", value: (a) => a.annualRevenue },
        { header: "country", value: (a) => a.country },
        { header: "region", value: (a) => a.region },
        { header: "segment", value: (a) => a.segment },
        { header: "customer status", value: (a) => a.customerStatus },
        { header: "owner id", value: (a) => a.ownerId },
        { header: "created at", value: (a) => a.createdAt },
      ],
    }),
    defineCsvExport({
      list: "deals",
      path: "/deals/export.csv",
      summary: "Every deal matching the list's filters, as CSV (streamed)",
      tags: ["deals", "exports"],
      query: ListDealsQuerySchema,
      page: deals.listDeals,
      columns: [
        { header: "id", value: (d) => d.id },
        { header: "name", value: (d) => d.name },
        { header: "account id", value: (d) => d.accountId },
        { header: "account", value: (d) => d.accountName },
        { header: "type", value: (d) => d.type },
        { header: "stage", value: (d) => d.stage },
        { header: "amount", value: (d) => Number(d.amount) },
        { header: "currency", value: (d) => d.currency },
        { header: "owner", value: (d) => d.ownerName },
        { header: "owner id", value: (d) => d.ownerId },
        { header: "expected close at", value: (d) => d.expectedCloseAt },
        { header: "created at", value: (d) => d.createdAt },
        { header: "closed at", value: (d) => d.closedAt },
        { header: "outcome", value: (d) => d.outcome },
        { header: "reason code", value: (d) => d.reasonCode },
        { header: "competitor", value: (d) => d.competitor },
      ],
    }),
  ];
}
