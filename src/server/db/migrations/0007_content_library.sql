-- btree_gin lets the text-search GIN indexes lead with workspace_id (DESIGN §5).
CREATE EXTENSION IF NOT EXISTS btree_gin;--> statement-breakpoint
-- array_to_string is only STABLE; generated search columns need an IMMUTABLE join of text[] words.
CREATE OR REPLACE FUNCTION tandem_join_words(words text[]) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT coalesce(array_to_string(words, ' '), '') $$;--> statement-breakpoint
CREATE TABLE "asset_events" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	"type" text NOT NULL,
	"actor_user_id" uuid,
	"contact_id" uuid,
	"deal_id" uuid,
	"share_id" uuid,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "asset_events_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "asset_shares" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"contact_id" uuid,
	"deal_id" uuid,
	"shared_by" uuid NOT NULL,
	"views" integer DEFAULT 0 NOT NULL,
	"last_viewed_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "asset_shares_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "asset_shares_token_uq" UNIQUE("workspace_id","token_hash")
);
--> statement-breakpoint
CREATE TABLE "assets" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"format" text NOT NULL,
	"buying_stage" text NOT NULL,
	"personas" text[] DEFAULT '{}'::text[] NOT NULL,
	"products" text[] DEFAULT '{}'::text[] NOT NULL,
	"competitors" text[] DEFAULT '{}'::text[] NOT NULL,
	"owner_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"expires_at" timestamp with time zone,
	"production_cost" numeric(14, 2),
	"url" text,
	"file_name" text,
	"file_mime" text,
	"file_size" integer,
	"file_key" text,
	"review_comment" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, title), 'A') || setweight(to_tsvector('english'::regconfig, summary), 'B') || setweight(to_tsvector('english'::regconfig, body || ' ' || tandem_join_words(tags)), 'C')) STORED NOT NULL,
	CONSTRAINT "assets_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "content_requests" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"title" text NOT NULL,
	"details" text DEFAULT '' NOT NULL,
	"deal_id" uuid,
	"persona" text,
	"competitor" text,
	"buying_stage" text,
	"priority" text DEFAULT 'medium' NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"requested_by" uuid NOT NULL,
	"assignee_id" uuid,
	"result_asset_id" uuid,
	"decline_reason" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "content_requests_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "content_settings" (
	"workspace_id" uuid NOT NULL,
	"reference_quarterly_cap" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "content_settings_workspace_id_pk" PRIMARY KEY("workspace_id")
);
--> statement-breakpoint
CREATE TABLE "customer_references" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"contact_name" text,
	"industry" text,
	"size" text,
	"region" text,
	"products" text[] DEFAULT '{}'::text[] NOT NULL,
	"use_case" text DEFAULT '' NOT NULL,
	"quotes" text[] DEFAULT '{}'::text[] NOT NULL,
	"case_study_asset_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"owner_id" uuid NOT NULL,
	"quarterly_cap" integer,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, coalesce(contact_name, '') || ' ' || coalesce(industry, '')), 'A') || setweight(to_tsvector('english'::regconfig, use_case), 'B') || setweight(to_tsvector('english'::regconfig, tandem_join_words(quotes) || ' ' || tandem_join_words(products)), 'C')) STORED NOT NULL,
	CONSTRAINT "customer_references_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "deal_assets" (
	"workspace_id" uuid NOT NULL,
	"deal_id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	"attached_by" uuid NOT NULL,
	"attached_at" timestamp with time zone NOT NULL,
	CONSTRAINT "deal_assets_workspace_id_deal_id_asset_id_pk" PRIMARY KEY("workspace_id","deal_id","asset_id")
);
--> statement-breakpoint
CREATE TABLE "reference_uses" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"reference_id" uuid NOT NULL,
	"deal_id" uuid NOT NULL,
	"requested_by" uuid NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "reference_uses_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "asset_events" ADD CONSTRAINT "asset_events_workspace_id_asset_id_assets_workspace_id_id_fk" FOREIGN KEY ("workspace_id","asset_id") REFERENCES "public"."assets"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_shares" ADD CONSTRAINT "asset_shares_workspace_id_asset_id_assets_workspace_id_id_fk" FOREIGN KEY ("workspace_id","asset_id") REFERENCES "public"."assets"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_shares" ADD CONSTRAINT "asset_shares_workspace_id_contact_id_contacts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","contact_id") REFERENCES "public"."contacts"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_shares" ADD CONSTRAINT "asset_shares_workspace_id_deal_id_deals_workspace_id_id_fk" FOREIGN KEY ("workspace_id","deal_id") REFERENCES "public"."deals"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_shares" ADD CONSTRAINT "asset_shares_workspace_id_shared_by_memberships_workspace_id_user_id_fk" FOREIGN KEY ("workspace_id","shared_by") REFERENCES "public"."memberships"("workspace_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_workspace_id_owner_id_memberships_workspace_id_user_id_fk" FOREIGN KEY ("workspace_id","owner_id") REFERENCES "public"."memberships"("workspace_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_requests" ADD CONSTRAINT "content_requests_workspace_id_deal_id_deals_workspace_id_id_fk" FOREIGN KEY ("workspace_id","deal_id") REFERENCES "public"."deals"("workspace_id","id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_requests" ADD CONSTRAINT "content_requests_workspace_id_result_asset_id_assets_workspace_id_id_fk" FOREIGN KEY ("workspace_id","result_asset_id") REFERENCES "public"."assets"("workspace_id","id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_requests" ADD CONSTRAINT "content_requests_workspace_id_requested_by_memberships_workspace_id_user_id_fk" FOREIGN KEY ("workspace_id","requested_by") REFERENCES "public"."memberships"("workspace_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_requests" ADD CONSTRAINT "content_requests_workspace_id_assignee_id_memberships_workspace_id_user_id_fk" FOREIGN KEY ("workspace_id","assignee_id") REFERENCES "public"."memberships"("workspace_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_references" ADD CONSTRAINT "customer_references_workspace_id_account_id_accounts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","account_id") REFERENCES "public"."accounts"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_references" ADD CONSTRAINT "customer_references_workspace_id_owner_id_memberships_workspace_id_user_id_fk" FOREIGN KEY ("workspace_id","owner_id") REFERENCES "public"."memberships"("workspace_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_assets" ADD CONSTRAINT "deal_assets_workspace_id_deal_id_deals_workspace_id_id_fk" FOREIGN KEY ("workspace_id","deal_id") REFERENCES "public"."deals"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_assets" ADD CONSTRAINT "deal_assets_workspace_id_asset_id_assets_workspace_id_id_fk" FOREIGN KEY ("workspace_id","asset_id") REFERENCES "public"."assets"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_assets" ADD CONSTRAINT "deal_assets_workspace_id_attached_by_memberships_workspace_id_user_id_fk" FOREIGN KEY ("workspace_id","attached_by") REFERENCES "public"."memberships"("workspace_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reference_uses" ADD CONSTRAINT "reference_uses_workspace_id_reference_id_customer_references_workspace_id_id_fk" FOREIGN KEY ("workspace_id","reference_id") REFERENCES "public"."customer_references"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reference_uses" ADD CONSTRAINT "reference_uses_workspace_id_deal_id_deals_workspace_id_id_fk" FOREIGN KEY ("workspace_id","deal_id") REFERENCES "public"."deals"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reference_uses" ADD CONSTRAINT "reference_uses_workspace_id_requested_by_memberships_workspace_id_user_id_fk" FOREIGN KEY ("workspace_id","requested_by") REFERENCES "public"."memberships"("workspace_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "asset_events_asset_idx" ON "asset_events" USING btree ("workspace_id","asset_id","at");--> statement-breakpoint
CREATE INDEX "asset_events_at_idx" ON "asset_events" USING btree ("workspace_id","at","type","actor_user_id");--> statement-breakpoint
CREATE INDEX "asset_events_deal_idx" ON "asset_events" USING btree ("workspace_id","deal_id","asset_id");--> statement-breakpoint
CREATE INDEX "asset_shares_asset_idx" ON "asset_shares" USING btree ("workspace_id","asset_id","created_at");--> statement-breakpoint
CREATE INDEX "assets_status_idx" ON "assets" USING btree ("workspace_id","status","updated_at");--> statement-breakpoint
CREATE INDEX "assets_search_idx" ON "assets" USING gin ("workspace_id","search");--> statement-breakpoint
CREATE INDEX "content_requests_status_idx" ON "content_requests" USING btree ("workspace_id","status","created_at");--> statement-breakpoint
CREATE INDEX "customer_references_search_idx" ON "customer_references" USING gin ("workspace_id","search");--> statement-breakpoint
CREATE INDEX "deal_assets_asset_idx" ON "deal_assets" USING btree ("workspace_id","asset_id");--> statement-breakpoint
CREATE INDEX "reference_uses_reference_idx" ON "reference_uses" USING btree ("workspace_id","reference_id","status","decided_at");--> statement-breakpoint
CREATE INDEX "reference_uses_deal_idx" ON "reference_uses" USING btree ("workspace_id","deal_id");--> statement-breakpoint
SELECT tandem_enable_tenant_rls(t::regclass) FROM unnest(ARRAY['assets', 'asset_events', 'asset_shares', 'deal_assets', 'content_requests', 'customer_references', 'reference_uses', 'content_settings']) AS t;
