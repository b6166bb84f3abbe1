CREATE TABLE "attribution_credits" (
	"workspace_id" uuid NOT NULL,
	"deal_id" uuid NOT NULL,
	"basis" text NOT NULL,
	"touchpoint_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"campaign_id" uuid,
	"channel" text,
	"asset_id" uuid,
	"occurred_at" timestamp with time zone NOT NULL,
	"converted_at" timestamp with time zone NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"w_first" double precision NOT NULL,
	"w_last" double precision NOT NULL,
	"w_linear" double precision NOT NULL,
	"w_u_shaped" double precision NOT NULL,
	"w_w_shaped" double precision NOT NULL,
	"w_time_decay" double precision NOT NULL,
	CONSTRAINT "attribution_credits_workspace_id_deal_id_basis_touchpoint_id_pk" PRIMARY KEY("workspace_id","deal_id","basis","touchpoint_id")
);
--> statement-breakpoint
CREATE TABLE "attribution_deals" (
	"workspace_id" uuid NOT NULL,
	"deal_id" uuid NOT NULL,
	"basis" text NOT NULL,
	"converted_at" timestamp with time zone NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"touches" integer NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "attribution_deals_workspace_id_deal_id_basis_pk" PRIMARY KEY("workspace_id","deal_id","basis")
);
--> statement-breakpoint
CREATE TABLE "digests" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"week_start" date NOT NULL,
	"content" jsonb NOT NULL,
	"generated_at" timestamp with time zone NOT NULL,
	"emailed_at" timestamp with time zone,
	"recipients" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "digests_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "digests_week_uq" UNIQUE("workspace_id","week_start")
);
--> statement-breakpoint
CREATE TABLE "review_actions" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"review_id" uuid NOT NULL,
	"title" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"outcome" text,
	"closed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "review_actions_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "reviews" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"quarter" text NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"snapshot" jsonb NOT NULL,
	"notes" text,
	"generated_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "reviews_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "reviews_quarter_uq" UNIQUE("workspace_id","quarter")
);
--> statement-breakpoint
ALTER TABLE "attribution_credits" ADD CONSTRAINT "attribution_credits_workspace_id_deal_id_deals_workspace_id_id_fk" FOREIGN KEY ("workspace_id","deal_id") REFERENCES "public"."deals"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attribution_deals" ADD CONSTRAINT "attribution_deals_workspace_id_deal_id_deals_workspace_id_id_fk" FOREIGN KEY ("workspace_id","deal_id") REFERENCES "public"."deals"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_actions" ADD CONSTRAINT "review_actions_workspace_id_review_id_reviews_workspace_id_id_fk" FOREIGN KEY ("workspace_id","review_id") REFERENCES "public"."reviews"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_actions" ADD CONSTRAINT "review_actions_workspace_id_owner_id_memberships_workspace_id_user_id_fk" FOREIGN KEY ("workspace_id","owner_id") REFERENCES "public"."memberships"("workspace_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_workspace_id_created_by_memberships_workspace_id_user_id_fk" FOREIGN KEY ("workspace_id","created_by") REFERENCES "public"."memberships"("workspace_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attribution_credits_converted_idx" ON "attribution_credits" USING btree ("workspace_id","basis","converted_at");--> statement-breakpoint
CREATE INDEX "attribution_deals_converted_idx" ON "attribution_deals" USING btree ("workspace_id","basis","converted_at");--> statement-breakpoint
CREATE INDEX "review_actions_review_idx" ON "review_actions" USING btree ("workspace_id","review_id");--> statement-breakpoint
CREATE INDEX "review_actions_status_idx" ON "review_actions" USING btree ("workspace_id","status","due_on");--> statement-breakpoint
SELECT tandem_enable_tenant_rls(t::regclass) FROM unnest(ARRAY['attribution_credits', 'attribution_deals', 'reviews', 'review_actions', 'digests']) AS t;
