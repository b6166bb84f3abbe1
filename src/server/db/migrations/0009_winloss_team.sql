CREATE TABLE "comp_assignments" (
	"workspace_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "comp_assignments_workspace_id_user_id_pk" PRIMARY KEY("workspace_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "comp_plans" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"amount_per_meeting" numeric(12, 2),
	"rate_percent" numeric(6, 3),
	"clawback_days" integer,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "comp_plans_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "comp_plans_name_uq" UNIQUE("workspace_id","name")
);
--> statement-breakpoint
CREATE TABLE "comp_statements" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"month" text NOT NULL,
	"plan_id" uuid,
	"plan_name" text NOT NULL,
	"plan_kind" text NOT NULL,
	"lines" jsonb NOT NULL,
	"total" numeric(14, 2) NOT NULL,
	"finalised_at" timestamp with time zone NOT NULL,
	"finalised_by" uuid,
	CONSTRAINT "comp_statements_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "comp_statements_user_month_uq" UNIQUE("workspace_id","user_id","month")
);
--> statement-breakpoint
CREATE TABLE "deal_interviews" (
	"workspace_id" uuid NOT NULL,
	"deal_id" uuid NOT NULL,
	"decision_criteria" text,
	"decided_by" text,
	"why" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "deal_interviews_workspace_id_deal_id_pk" PRIMARY KEY("workspace_id","deal_id")
);
--> statement-breakpoint
ALTER TABLE "comp_assignments" ADD CONSTRAINT "comp_assignments_workspace_id_user_id_memberships_workspace_id_user_id_fk" FOREIGN KEY ("workspace_id","user_id") REFERENCES "public"."memberships"("workspace_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comp_assignments" ADD CONSTRAINT "comp_assignments_workspace_id_plan_id_comp_plans_workspace_id_id_fk" FOREIGN KEY ("workspace_id","plan_id") REFERENCES "public"."comp_plans"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comp_statements" ADD CONSTRAINT "comp_statements_workspace_id_user_id_memberships_workspace_id_user_id_fk" FOREIGN KEY ("workspace_id","user_id") REFERENCES "public"."memberships"("workspace_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comp_statements" ADD CONSTRAINT "comp_statements_workspace_id_finalised_by_memberships_workspace_id_user_id_fk" FOREIGN KEY ("workspace_id","finalised_by") REFERENCES "public"."memberships"("workspace_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_interviews" ADD CONSTRAINT "deal_interviews_workspace_id_deal_id_deals_workspace_id_id_fk" FOREIGN KEY ("workspace_id","deal_id") REFERENCES "public"."deals"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_interviews" ADD CONSTRAINT "deal_interviews_workspace_id_recorded_by_memberships_workspace_id_user_id_fk" FOREIGN KEY ("workspace_id","recorded_by") REFERENCES "public"."memberships"("workspace_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "comp_assignments_plan_idx" ON "comp_assignments" USING btree ("workspace_id","plan_id");
--> statement-breakpoint
SELECT tandem_enable_tenant_rls(t::regclass) FROM unnest(ARRAY['deal_interviews', 'comp_plans', 'comp_assignments', 'comp_statements']) AS t;
