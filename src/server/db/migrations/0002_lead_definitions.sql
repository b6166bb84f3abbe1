CREATE TABLE "lead_definitions" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"fit_rules" jsonb NOT NULL,
	"grade_thresholds" jsonb NOT NULL,
	"engagement_rules" jsonb NOT NULL,
	"half_life_days" double precision NOT NULL,
	"mql_rule" jsonb NOT NULL,
	"notes" text,
	"created_by" uuid NOT NULL,
	"proposed_by" uuid,
	"proposed_at" timestamp with time zone,
	"marketing_approved_by" uuid,
	"marketing_approved_at" timestamp with time zone,
	"sales_approved_by" uuid,
	"sales_approved_at" timestamp with time zone,
	"activated_at" timestamp with time zone,
	"superseded_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "lead_definitions_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "lead_definitions_version_uq" UNIQUE("workspace_id","version")
);
--> statement-breakpoint
CREATE TABLE "score_events" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"rule_id" text NOT NULL,
	"rule_label" text NOT NULL,
	"points" double precision NOT NULL,
	"touchpoint_id" uuid,
	"definition_version" integer NOT NULL,
	CONSTRAINT "score_events_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "score_events" ADD CONSTRAINT "score_events_workspace_id_contact_id_contacts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","contact_id") REFERENCES "public"."contacts"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lead_definitions_status_idx" ON "lead_definitions" USING btree ("workspace_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "lead_definitions_one_active_idx" ON "lead_definitions" USING btree ("workspace_id") WHERE status = 'active';--> statement-breakpoint
CREATE INDEX "score_events_contact_idx" ON "score_events" USING btree ("workspace_id","contact_id","at");--> statement-breakpoint
SELECT tandem_enable_tenant_rls('lead_definitions');
--> statement-breakpoint
SELECT tandem_enable_tenant_rls('score_events');
--> statement-breakpoint
-- Points history is append-only for the app; a re-score writes new rows under the new version.
REVOKE UPDATE ON score_events FROM tandem_app;
