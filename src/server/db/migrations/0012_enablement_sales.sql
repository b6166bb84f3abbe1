CREATE TABLE "battlecards" (
	"workspace_id" uuid NOT NULL,
	"competitor_id" uuid NOT NULL,
	"owner_id" uuid,
	"why_we_win" text[] DEFAULT '{}' NOT NULL,
	"objections" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"landmines" text[] DEFAULT '{}' NOT NULL,
	"proof_points" text[] DEFAULT '{}' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "battlecards_workspace_id_competitor_id_pk" PRIMARY KEY("workspace_id","competitor_id")
);
--> statement-breakpoint
CREATE TABLE "brief_recipients" (
	"workspace_id" uuid NOT NULL,
	"brief_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"notified_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"answers" jsonb,
	"attempts" integer DEFAULT 0 NOT NULL,
	"check_passed_at" timestamp with time zone,
	CONSTRAINT "brief_recipients_workspace_id_brief_id_user_id_pk" PRIMARY KEY("workspace_id","brief_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "campaign_briefs" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"message" text NOT NULL,
	"audience" text NOT NULL,
	"offer" text,
	"call_to_action" text,
	"talk_track" text,
	"faq" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"scope_team_id" uuid,
	"scope_member_ids" uuid[] DEFAULT '{}' NOT NULL,
	"questions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"launch_checked_at" timestamp with time zone,
	"readiness_at_launch" double precision,
	"flagged_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "campaign_briefs_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "competitors" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"website" text,
	"positioning" text,
	"pricing" text,
	"strengths" text[] DEFAULT '{}' NOT NULL,
	"weaknesses" text[] DEFAULT '{}' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "competitors_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "deal_competitors" (
	"workspace_id" uuid NOT NULL,
	"deal_id" uuid NOT NULL,
	"competitor_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "deal_competitors_workspace_id_deal_id_competitor_id_pk" PRIMARY KEY("workspace_id","deal_id","competitor_id")
);
--> statement-breakpoint
CREATE TABLE "enablement_settings" (
	"workspace_id" uuid NOT NULL,
	"readiness_threshold" double precision DEFAULT 0.8 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "enablement_settings_workspace_id_pk" PRIMARY KEY("workspace_id")
);
--> statement-breakpoint
ALTER TABLE "battlecards" ADD CONSTRAINT "battlecards_workspace_id_competitor_id_competitors_workspace_id_id_fk" FOREIGN KEY ("workspace_id","competitor_id") REFERENCES "public"."competitors"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "battlecards" ADD CONSTRAINT "battlecards_workspace_id_owner_id_memberships_workspace_id_user_id_fk" FOREIGN KEY ("workspace_id","owner_id") REFERENCES "public"."memberships"("workspace_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "battlecards" ADD CONSTRAINT "battlecards_workspace_id_updated_by_memberships_workspace_id_user_id_fk" FOREIGN KEY ("workspace_id","updated_by") REFERENCES "public"."memberships"("workspace_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brief_recipients" ADD CONSTRAINT "brief_recipients_workspace_id_brief_id_campaign_briefs_workspace_id_id_fk" FOREIGN KEY ("workspace_id","brief_id") REFERENCES "public"."campaign_briefs"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brief_recipients" ADD CONSTRAINT "brief_recipients_workspace_id_user_id_memberships_workspace_id_user_id_fk" FOREIGN KEY ("workspace_id","user_id") REFERENCES "public"."memberships"("workspace_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_briefs" ADD CONSTRAINT "campaign_briefs_workspace_id_campaign_id_campaigns_workspace_id_id_fk" FOREIGN KEY ("workspace_id","campaign_id") REFERENCES "public"."campaigns"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_briefs" ADD CONSTRAINT "campaign_briefs_workspace_id_scope_team_id_teams_workspace_id_id_fk" FOREIGN KEY ("workspace_id","scope_team_id") REFERENCES "public"."teams"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_briefs" ADD CONSTRAINT "campaign_briefs_workspace_id_created_by_memberships_workspace_id_user_id_fk" FOREIGN KEY ("workspace_id","created_by") REFERENCES "public"."memberships"("workspace_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_briefs" ADD CONSTRAINT "campaign_briefs_workspace_id_published_by_memberships_workspace_id_user_id_fk" FOREIGN KEY ("workspace_id","published_by") REFERENCES "public"."memberships"("workspace_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_competitors" ADD CONSTRAINT "deal_competitors_workspace_id_deal_id_deals_workspace_id_id_fk" FOREIGN KEY ("workspace_id","deal_id") REFERENCES "public"."deals"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_competitors" ADD CONSTRAINT "deal_competitors_workspace_id_competitor_id_competitors_workspace_id_id_fk" FOREIGN KEY ("workspace_id","competitor_id") REFERENCES "public"."competitors"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "brief_recipients_user_idx" ON "brief_recipients" USING btree ("workspace_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_briefs_campaign_uq" ON "campaign_briefs" USING btree ("workspace_id","campaign_id");--> statement-breakpoint
CREATE INDEX "campaign_briefs_launch_idx" ON "campaign_briefs" USING btree ("workspace_id","status","launch_checked_at");--> statement-breakpoint
CREATE UNIQUE INDEX "competitors_name_uq" ON "competitors" USING btree ("workspace_id",lower("name"));--> statement-breakpoint
CREATE INDEX "deal_competitors_competitor_idx" ON "deal_competitors" USING btree ("workspace_id","competitor_id");--> statement-breakpoint
-- Backfill: every competitor named on a deal (deals.competitor) becomes a profile and a tag on that deal.
INSERT INTO "competitors" ("workspace_id", "id", "name", "created_at", "updated_at")
SELECT d.workspace_id, gen_random_uuid(), min(btrim(d.competitor)), now(), now()
FROM "deals" d WHERE d.competitor IS NOT NULL AND btrim(d.competitor) <> ''
GROUP BY d.workspace_id, lower(btrim(d.competitor));--> statement-breakpoint
INSERT INTO "deal_competitors" ("workspace_id", "deal_id", "competitor_id", "created_at")
SELECT d.workspace_id, d.id, c.id, d.updated_at
FROM "deals" d JOIN "competitors" c ON c.workspace_id = d.workspace_id AND lower(c.name) = lower(btrim(d.competitor))
WHERE d.competitor IS NOT NULL AND btrim(d.competitor) <> '';--> statement-breakpoint
SELECT tandem_enable_tenant_rls(t::regclass) FROM unnest(ARRAY['competitors', 'battlecards', 'deal_competitors', 'campaign_briefs', 'brief_recipients', 'enablement_settings']) AS t;
