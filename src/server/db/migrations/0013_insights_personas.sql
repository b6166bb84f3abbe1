CREATE TABLE "insight_votes" (
	"workspace_id" uuid NOT NULL,
	"insight_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "insight_votes_workspace_id_insight_id_user_id_pk" PRIMARY KEY("workspace_id","insight_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "insights" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"account_id" uuid,
	"deal_id" uuid,
	"persona_id" uuid,
	"competitor_id" uuid,
	"ride_along_id" uuid,
	"submitted_by" uuid NOT NULL,
	"votes" integer DEFAULT 0 NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"actioned_by" uuid,
	"actioned_at" timestamp with time zone,
	"action_taken" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "insights_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"persona_id" uuid,
	"product_id" uuid,
	"owner_id" uuid,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, title), 'A') || setweight(to_tsvector('english'::regconfig, body), 'B')) STORED NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "messages_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "personas" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"criteria" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "personas_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "ride_alongs" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"occurred_on" date NOT NULL,
	"account_id" uuid,
	"deal_id" uuid,
	"attendees" text[] DEFAULT '{}' NOT NULL,
	"notes" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ride_alongs_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "swots" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"title" text NOT NULL,
	"campaign_id" uuid,
	"deal_id" uuid,
	"strengths" text[] DEFAULT '{}' NOT NULL,
	"weaknesses" text[] DEFAULT '{}' NOT NULL,
	"opportunities" text[] DEFAULT '{}' NOT NULL,
	"threats" text[] DEFAULT '{}' NOT NULL,
	"owner_id" uuid,
	"analysed_on" date NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "swots_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "swots_subject_ck" CHECK (("swots"."campaign_id" is null) <> ("swots"."deal_id" is null))
);
--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "persona_source" text;--> statement-breakpoint
ALTER TABLE "insight_votes" ADD CONSTRAINT "insight_votes_workspace_id_insight_id_insights_workspace_id_id_fk" FOREIGN KEY ("workspace_id","insight_id") REFERENCES "public"."insights"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insight_votes" ADD CONSTRAINT "insight_votes_workspace_id_user_id_memberships_workspace_id_user_id_fk" FOREIGN KEY ("workspace_id","user_id") REFERENCES "public"."memberships"("workspace_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insights" ADD CONSTRAINT "insights_workspace_id_account_id_accounts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","account_id") REFERENCES "public"."accounts"("workspace_id","id") ON DELETE SET NULL ("account_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insights" ADD CONSTRAINT "insights_workspace_id_deal_id_deals_workspace_id_id_fk" FOREIGN KEY ("workspace_id","deal_id") REFERENCES "public"."deals"("workspace_id","id") ON DELETE SET NULL ("deal_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insights" ADD CONSTRAINT "insights_workspace_id_persona_id_personas_workspace_id_id_fk" FOREIGN KEY ("workspace_id","persona_id") REFERENCES "public"."personas"("workspace_id","id") ON DELETE SET NULL ("persona_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insights" ADD CONSTRAINT "insights_workspace_id_competitor_id_competitors_workspace_id_id_fk" FOREIGN KEY ("workspace_id","competitor_id") REFERENCES "public"."competitors"("workspace_id","id") ON DELETE SET NULL ("competitor_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insights" ADD CONSTRAINT "insights_workspace_id_ride_along_id_ride_alongs_workspace_id_id_fk" FOREIGN KEY ("workspace_id","ride_along_id") REFERENCES "public"."ride_alongs"("workspace_id","id") ON DELETE SET NULL ("ride_along_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insights" ADD CONSTRAINT "insights_workspace_id_submitted_by_memberships_workspace_id_user_id_fk" FOREIGN KEY ("workspace_id","submitted_by") REFERENCES "public"."memberships"("workspace_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insights" ADD CONSTRAINT "insights_workspace_id_reviewed_by_memberships_workspace_id_user_id_fk" FOREIGN KEY ("workspace_id","reviewed_by") REFERENCES "public"."memberships"("workspace_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insights" ADD CONSTRAINT "insights_workspace_id_actioned_by_memberships_workspace_id_user_id_fk" FOREIGN KEY ("workspace_id","actioned_by") REFERENCES "public"."memberships"("workspace_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_workspace_id_persona_id_personas_workspace_id_id_fk" FOREIGN KEY ("workspace_id","persona_id") REFERENCES "public"."personas"("workspace_id","id") ON DELETE SET NULL ("persona_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_workspace_id_product_id_products_workspace_id_id_fk" FOREIGN KEY ("workspace_id","product_id") REFERENCES "public"."products"("workspace_id","id") ON DELETE SET NULL ("product_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_workspace_id_owner_id_memberships_workspace_id_user_id_fk" FOREIGN KEY ("workspace_id","owner_id") REFERENCES "public"."memberships"("workspace_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personas" ADD CONSTRAINT "personas_workspace_id_created_by_memberships_workspace_id_user_id_fk" FOREIGN KEY ("workspace_id","created_by") REFERENCES "public"."memberships"("workspace_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ride_alongs" ADD CONSTRAINT "ride_alongs_workspace_id_account_id_accounts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","account_id") REFERENCES "public"."accounts"("workspace_id","id") ON DELETE SET NULL ("account_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ride_alongs" ADD CONSTRAINT "ride_alongs_workspace_id_deal_id_deals_workspace_id_id_fk" FOREIGN KEY ("workspace_id","deal_id") REFERENCES "public"."deals"("workspace_id","id") ON DELETE SET NULL ("deal_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ride_alongs" ADD CONSTRAINT "ride_alongs_workspace_id_recorded_by_memberships_workspace_id_user_id_fk" FOREIGN KEY ("workspace_id","recorded_by") REFERENCES "public"."memberships"("workspace_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "swots" ADD CONSTRAINT "swots_workspace_id_campaign_id_campaigns_workspace_id_id_fk" FOREIGN KEY ("workspace_id","campaign_id") REFERENCES "public"."campaigns"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "swots" ADD CONSTRAINT "swots_workspace_id_deal_id_deals_workspace_id_id_fk" FOREIGN KEY ("workspace_id","deal_id") REFERENCES "public"."deals"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "swots" ADD CONSTRAINT "swots_workspace_id_owner_id_memberships_workspace_id_user_id_fk" FOREIGN KEY ("workspace_id","owner_id") REFERENCES "public"."memberships"("workspace_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "insight_votes_user_idx" ON "insight_votes" USING btree ("workspace_id","user_id");--> statement-breakpoint
CREATE INDEX "insights_feed_idx" ON "insights" USING btree ("workspace_id","status","created_at");--> statement-breakpoint
CREATE INDEX "insights_persona_idx" ON "insights" USING btree ("workspace_id","persona_id","created_at");--> statement-breakpoint
CREATE INDEX "insights_competitor_idx" ON "insights" USING btree ("workspace_id","competitor_id");--> statement-breakpoint
CREATE INDEX "insights_ride_along_idx" ON "insights" USING btree ("workspace_id","ride_along_id");--> statement-breakpoint
CREATE INDEX "messages_persona_idx" ON "messages" USING btree ("workspace_id","persona_id","kind");--> statement-breakpoint
CREATE INDEX "messages_product_idx" ON "messages" USING btree ("workspace_id","product_id");--> statement-breakpoint
CREATE INDEX "messages_search_idx" ON "messages" USING gin ("workspace_id","search");--> statement-breakpoint
CREATE UNIQUE INDEX "personas_name_uq" ON "personas" USING btree ("workspace_id",lower("name"));--> statement-breakpoint
CREATE INDEX "ride_alongs_occurred_idx" ON "ride_alongs" USING btree ("workspace_id","occurred_on");--> statement-breakpoint
CREATE INDEX "swots_campaign_idx" ON "swots" USING btree ("workspace_id","campaign_id");--> statement-breakpoint
CREATE INDEX "swots_deal_idx" ON "swots" USING btree ("workspace_id","deal_id");--> statement-breakpoint
-- Personas set before definitions existed came by hand or by import: matching keeps them (docs/ENABLEMENT.md).
UPDATE "contacts" SET "persona_source" = 'manual' WHERE "persona" IS NOT NULL AND btrim("persona") <> '';--> statement-breakpoint
SELECT tandem_enable_tenant_rls(t::regclass) FROM unnest(ARRAY['personas', 'ride_alongs', 'insights', 'insight_votes', 'swots', 'messages']) AS t;
