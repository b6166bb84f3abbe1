CREATE TABLE "deal_facts" (
	"workspace_id" uuid NOT NULL,
	"deal_id" uuid NOT NULL,
	"sales_activities" integer NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "deal_facts_workspace_id_deal_id_pk" PRIMARY KEY("workspace_id","deal_id")
);
--> statement-breakpoint
ALTER TABLE "deal_facts" ADD CONSTRAINT "deal_facts_workspace_id_deal_id_deals_workspace_id_id_fk" FOREIGN KEY ("workspace_id","deal_id") REFERENCES "public"."deals"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
SELECT tandem_enable_tenant_rls(t::regclass) FROM unnest(ARRAY['deal_facts']) AS t;
