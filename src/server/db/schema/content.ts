import { sql } from "drizzle-orm";
import { customType, foreignKey, index, integer, numeric, pgTable, primaryKey, text, unique, uuid, boolean } from "drizzle-orm/pg-core";
import type { AssetEventType, AssetFormat, AssetKind, AssetStatus, BuyingStage, ReferenceSize, ReferenceUseStatus, RequestPriority, RequestStatus } from "../../../shared/domain/content.js";
import { ts, workspaceId } from "./columns.js";
import { memberships } from "./identity.js";
import { accounts, contacts, deals } from "./crm.js";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/** Content library: uploaded files (stored under the data directory) or links, tagged by buying stage. */
export const assets = pgTable(
  "assets",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull(),
    kind: text("kind").$type<AssetKind>().notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    /** Free text searched with weight C (notes, transcript, outline). */
    body: text("body").notNull().default(""),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    format: text("format").$type<AssetFormat>().notNull(),
    buyingStage: text("buying_stage").$type<BuyingStage>().notNull(),
    personas: text("personas").array().notNull().default(sql`'{}'::text[]`),
    products: text("products").array().notNull().default(sql`'{}'::text[]`),
    competitors: text("competitors").array().notNull().default(sql`'{}'::text[]`),
    ownerId: uuid("owner_id").notNull(),
    status: text("status").$type<AssetStatus>().notNull().default("draft"),
    expiresAt: ts("expires_at"),
    productionCost: numeric("production_cost", { precision: 14, scale: 2, mode: "number" }),
    url: text("url"),
    fileName: text("file_name"),
    fileMime: text("file_mime"),
    fileSize: integer("file_size"),
    /** Path of the stored file relative to the files folder (never a user-chosen name). */
    fileKey: text("file_key"),
    reviewComment: text("review_comment"),
    reviewedBy: uuid("reviewed_by"),
    reviewedAt: ts("reviewed_at"),
    publishedAt: ts("published_at"),
    createdAt: ts("created_at").notNull(),
    updatedAt: ts("updated_at").notNull(),
    // Weights: title A, summary B, body and tags C (tags joined by the immutable helper of the migration).
    search: tsvector("search")
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('english'::regconfig, title), 'A') || setweight(to_tsvector('english'::regconfig, summary), 'B') || setweight(to_tsvector('english'::regconfig, body || ' ' || tandem_join_words(tags)), 'C')`,
      ),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.ownerId], foreignColumns: [memberships.workspaceId, memberships.userId] }),
    // serves: the library list and facets by status, newest first
    index("assets_status_idx").on(t.workspaceId, t.status, t.updatedAt),
    // serves: full-text search (websearch_to_tsquery @@ search) within one workspace (btree_gin)
    index("assets_search_idx").using("gin", t.workspaceId, t.search),
  ],
);

/** What happened to an asset: shared by a rep, viewed/downloaded by a prospect, attached to a deal. */
export const assetEvents = pgTable(
  "asset_events",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull(),
    assetId: uuid("asset_id").notNull(),
    type: text("type").$type<AssetEventType>().notNull(),
    actorUserId: uuid("actor_user_id"),
    contactId: uuid("contact_id"),
    dealId: uuid("deal_id"),
    shareId: uuid("share_id"),
    at: ts("at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.assetId], foreignColumns: [assets.workspaceId, assets.id] }).onDelete("cascade"),
    // serves: an asset's history, its last use (unused report)
    index("asset_events_asset_idx").on(t.workspaceId, t.assetId, t.at),
    // serves: usage by rep/team in a period
    index("asset_events_at_idx").on(t.workspaceId, t.at, t.type, t.actorUserId),
    // serves: the content on a deal (effectiveness, influenced pipeline)
    index("asset_events_deal_idx").on(t.workspaceId, t.dealId, t.assetId),
  ],
);

/** A tracked link: an unguessable token (stored hashed) that serves one asset to one prospect. */
export const assetShares = pgTable(
  "asset_shares",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull(),
    assetId: uuid("asset_id").notNull(),
    tokenHash: text("token_hash").notNull(),
    contactId: uuid("contact_id"),
    dealId: uuid("deal_id"),
    sharedBy: uuid("shared_by").notNull(),
    views: integer("views").notNull().default(0),
    lastViewedAt: ts("last_viewed_at"),
    createdAt: ts("created_at").notNull(),
    revokedAt: ts("revoked_at"),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.assetId], foreignColumns: [assets.workspaceId, assets.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.workspaceId, t.contactId], foreignColumns: [contacts.workspaceId, contacts.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.workspaceId, t.dealId], foreignColumns: [deals.workspaceId, deals.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.workspaceId, t.sharedBy], foreignColumns: [memberships.workspaceId, memberships.userId] }),
    // serves: the public tracked link (workspace from the token's prefix, then the hash)
    unique("asset_shares_token_uq").on(t.workspaceId, t.tokenHash),
    // serves: an asset's shares
    index("asset_shares_asset_idx").on(t.workspaceId, t.assetId, t.createdAt),
  ],
);

/** Assets attached to deals (what the rep used on the deal). */
export const dealAssets = pgTable(
  "deal_assets",
  {
    workspaceId: workspaceId(),
    dealId: uuid("deal_id").notNull(),
    assetId: uuid("asset_id").notNull(),
    attachedBy: uuid("attached_by").notNull(),
    attachedAt: ts("attached_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.dealId, t.assetId] }),
    foreignKey({ columns: [t.workspaceId, t.dealId], foreignColumns: [deals.workspaceId, deals.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.workspaceId, t.assetId], foreignColumns: [assets.workspaceId, assets.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.workspaceId, t.attachedBy], foreignColumns: [memberships.workspaceId, memberships.userId] }),
    // serves: the deals an asset is on (effectiveness)
    index("deal_assets_asset_idx").on(t.workspaceId, t.assetId),
  ],
);

/** Sales asks marketing for missing content. */
export const contentRequests = pgTable(
  "content_requests",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull(),
    title: text("title").notNull(),
    details: text("details").notNull().default(""),
    dealId: uuid("deal_id"),
    persona: text("persona"),
    competitor: text("competitor"),
    buyingStage: text("buying_stage").$type<BuyingStage>(),
    priority: text("priority").$type<RequestPriority>().notNull().default("medium"),
    status: text("status").$type<RequestStatus>().notNull().default("new"),
    requestedBy: uuid("requested_by").notNull(),
    assigneeId: uuid("assignee_id"),
    resultAssetId: uuid("result_asset_id"),
    declineReason: text("decline_reason"),
    createdAt: ts("created_at").notNull(),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.dealId], foreignColumns: [deals.workspaceId, deals.id] }).onDelete("set null"),
    foreignKey({ columns: [t.workspaceId, t.resultAssetId], foreignColumns: [assets.workspaceId, assets.id] }).onDelete("set null"),
    foreignKey({ columns: [t.workspaceId, t.requestedBy], foreignColumns: [memberships.workspaceId, memberships.userId] }),
    foreignKey({ columns: [t.workspaceId, t.assigneeId], foreignColumns: [memberships.workspaceId, memberships.userId] }),
    // serves: the requests board by status
    index("content_requests_status_idx").on(t.workspaceId, t.status, t.createdAt),
  ],
);

/** Customers willing to speak for us, with a cap on uses per quarter. */
export const customerReferences = pgTable(
  "customer_references",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull(),
    accountId: uuid("account_id").notNull(),
    contactName: text("contact_name"),
    industry: text("industry"),
    size: text("size").$type<ReferenceSize>(),
    region: text("region"),
    products: text("products").array().notNull().default(sql`'{}'::text[]`),
    useCase: text("use_case").notNull().default(""),
    quotes: text("quotes").array().notNull().default(sql`'{}'::text[]`),
    caseStudyAssetIds: uuid("case_study_asset_ids").array().notNull().default(sql`'{}'::uuid[]`),
    ownerId: uuid("owner_id").notNull(),
    /** Uses per quarter; null takes the workspace default. */
    quarterlyCap: integer("quarterly_cap"),
    active: boolean("active").notNull().default(true),
    createdAt: ts("created_at").notNull(),
    updatedAt: ts("updated_at").notNull(),
    search: tsvector("search")
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('english'::regconfig, coalesce(contact_name, '') || ' ' || coalesce(industry, '')), 'A') || setweight(to_tsvector('english'::regconfig, use_case), 'B') || setweight(to_tsvector('english'::regconfig, tandem_join_words(quotes) || ' ' || tandem_join_words(products)), 'C')`,
      ),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.accountId], foreignColumns: [accounts.workspaceId, accounts.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.workspaceId, t.ownerId], foreignColumns: [memberships.workspaceId, memberships.userId] }),
    // serves: catalogue search (websearch_to_tsquery @@ search) within one workspace (btree_gin)
    index("customer_references_search_idx").using("gin", t.workspaceId, t.search),
  ],
);

/** A rep's request to use a reference on a deal, and the owner's decision; approved rows count against the cap. */
export const referenceUses = pgTable(
  "reference_uses",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull(),
    referenceId: uuid("reference_id").notNull(),
    dealId: uuid("deal_id").notNull(),
    requestedBy: uuid("requested_by").notNull(),
    note: text("note").notNull().default(""),
    status: text("status").$type<ReferenceUseStatus>().notNull().default("requested"),
    decidedBy: uuid("decided_by"),
    decidedAt: ts("decided_at"),
    decisionNote: text("decision_note"),
    createdAt: ts("created_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.referenceId], foreignColumns: [customerReferences.workspaceId, customerReferences.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.workspaceId, t.dealId], foreignColumns: [deals.workspaceId, deals.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.workspaceId, t.requestedBy], foreignColumns: [memberships.workspaceId, memberships.userId] }),
    // serves: a reference's approved uses in a quarter (the fatigue cap), its pending requests
    index("reference_uses_reference_idx").on(t.workspaceId, t.referenceId, t.status, t.decidedAt),
    // serves: the references on a deal
    index("reference_uses_deal_idx").on(t.workspaceId, t.dealId),
  ],
);

/** Per-workspace content settings: the default reference cap per quarter. */
export const contentSettings = pgTable(
  "content_settings",
  {
    workspaceId: workspaceId(),
    referenceQuarterlyCap: integer("reference_quarterly_cap").notNull(),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId] })],
);
