import { foreignKey, index, numeric, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { ts, workspaceId } from "./columns.js";
import { memberships } from "./identity.js";
import { accounts, contacts, deals, products } from "./crm.js";
import { campaigns } from "./campaigns.js";

export type AccountReviewStatus = "scheduled" | "held" | "cancelled";

/** The products a deal is for (its lines): open deals put them "in pipeline"; a won deal adds them to the account. */
export const dealProducts = pgTable(
  "deal_products",
  {
    workspaceId: workspaceId(),
    dealId: uuid("deal_id").notNull(),
    productId: uuid("product_id").notNull(),
    /** The line's annual value (the product's list price unless given). */
    amount: numeric("amount", { precision: 14, scale: 2, mode: "number" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.dealId, t.productId] }),
    foreignKey({ columns: [t.workspaceId, t.dealId], foreignColumns: [deals.workspaceId, deals.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.workspaceId, t.productId], foreignColumns: [products.workspaceId, products.id] }),
    // serves: the whitespace matrix's "in pipeline" cells (open deals per product) and the product in-use check
    index("deal_products_product_idx").on(t.workspaceId, t.productId, t.dealId),
  ],
);

/** A business review with a customer account: when, the agenda, the outcomes and next steps agreed. */
export const accountReviews = pgTable(
  "account_reviews",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull(),
    accountId: uuid("account_id").notNull(),
    scheduledAt: ts("scheduled_at").notNull(),
    status: text("status").$type<AccountReviewStatus>().notNull().default("scheduled"),
    title: text("title").notNull(),
    agenda: text("agenda"),
    outcomes: text("outcomes"),
    nextSteps: text("next_steps"),
    createdBy: uuid("created_by"),
    createdAt: ts("created_at").notNull(),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.accountId], foreignColumns: [accounts.workspaceId, accounts.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.workspaceId, t.createdBy], foreignColumns: [memberships.workspaceId, memberships.userId] }),
    // serves: an account's reviews (account page), newest first
    index("account_reviews_account_idx").on(t.workspaceId, t.accountId, t.scheduledAt),
    // serves: the upcoming-reviews list (status scheduled, from a date on)
    index("account_reviews_status_idx").on(t.workspaceId, t.status, t.scheduledAt),
  ],
);

/** Our side of a review: workspace members attending. */
export const accountReviewMembers = pgTable(
  "account_review_members",
  {
    workspaceId: workspaceId(),
    reviewId: uuid("review_id").notNull(),
    userId: uuid("user_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.reviewId, t.userId] }),
    foreignKey({ columns: [t.workspaceId, t.reviewId], foreignColumns: [accountReviews.workspaceId, accountReviews.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.workspaceId, t.userId], foreignColumns: [memberships.workspaceId, memberships.userId] }),
  ],
);

/** The customer's side of a review: the account's contacts attending (erasing a contact removes them). */
export const accountReviewContacts = pgTable(
  "account_review_contacts",
  {
    workspaceId: workspaceId(),
    reviewId: uuid("review_id").notNull(),
    contactId: uuid("contact_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.reviewId, t.contactId] }),
    foreignKey({ columns: [t.workspaceId, t.reviewId], foreignColumns: [accountReviews.workspaceId, accountReviews.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.workspaceId, t.contactId], foreignColumns: [contacts.workspaceId, contacts.id] }).onDelete("cascade"),
    // serves: the contact delete cascade (GDPR erasure)
    index("account_review_contacts_contact_idx").on(t.workspaceId, t.contactId),
  ],
);

/** A campaign aimed at whitespace: accounts (of a customer status, optionally a segment) that do not own a product. */
export const campaignWhitespaceTargets = pgTable(
  "campaign_whitespace_targets",
  {
    workspaceId: workspaceId(),
    campaignId: uuid("campaign_id").notNull(),
    productId: uuid("product_id").notNull(),
    segment: text("segment"),
    customerStatus: text("customer_status").notNull().default("customer"),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.campaignId] }),
    foreignKey({ columns: [t.workspaceId, t.campaignId], foreignColumns: [campaigns.workspaceId, campaigns.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.workspaceId, t.productId], foreignColumns: [products.workspaceId, products.id] }),
    // serves: the product in-use check before a product is deleted
    index("campaign_whitespace_targets_product_idx").on(t.workspaceId, t.productId),
  ],
);
