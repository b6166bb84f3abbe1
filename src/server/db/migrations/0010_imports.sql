CREATE TABLE "import_errors" (
	"workspace_id" uuid NOT NULL,
	"import_id" uuid NOT NULL,
	"row_no" integer NOT NULL,
	"outcome" text NOT NULL,
	"reason" text NOT NULL,
	"fields" jsonb NOT NULL,
	CONSTRAINT "import_errors_workspace_id_import_id_row_no_pk" PRIMARY KEY("workspace_id","import_id","row_no")
);
--> statement-breakpoint
CREATE TABLE "import_jobs" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"entity" text NOT NULL,
	"preset" text NOT NULL,
	"file_name" text NOT NULL,
	"file_path" text NOT NULL,
	"file_bytes" integer NOT NULL,
	"delimiter" text NOT NULL,
	"header" jsonb NOT NULL,
	"mapping" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"dry_run" boolean DEFAULT false NOT NULL,
	"status" text NOT NULL,
	"job_id" uuid,
	"total_rows" integer,
	"cursor" integer DEFAULT 0 NOT NULL,
	"created" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"skipped" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"error" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "import_jobs_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "import_errors" ADD CONSTRAINT "import_errors_workspace_id_import_id_import_jobs_workspace_id_id_fk" FOREIGN KEY ("workspace_id","import_id") REFERENCES "public"."import_jobs"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_jobs_created_idx" ON "import_jobs" USING btree ("workspace_id","created_at","id");--> statement-breakpoint
CREATE INDEX "campaigns_ext_hubspot_idx" ON "campaigns" USING btree ("workspace_id",(external_ids ->> 'hubspot')) WHERE external_ids ? 'hubspot';--> statement-breakpoint
CREATE INDEX "campaigns_ext_salesforce_idx" ON "campaigns" USING btree ("workspace_id",(external_ids ->> 'salesforce')) WHERE external_ids ? 'salesforce';--> statement-breakpoint
CREATE INDEX "campaigns_ext_csv_idx" ON "campaigns" USING btree ("workspace_id",(external_ids ->> 'csv')) WHERE external_ids ? 'csv';--> statement-breakpoint
CREATE INDEX "accounts_ext_hubspot_idx" ON "accounts" USING btree ("workspace_id",(external_ids ->> 'hubspot')) WHERE external_ids ? 'hubspot';--> statement-breakpoint
CREATE INDEX "accounts_ext_salesforce_idx" ON "accounts" USING btree ("workspace_id",(external_ids ->> 'salesforce')) WHERE external_ids ? 'salesforce';--> statement-breakpoint
CREATE INDEX "accounts_ext_csv_idx" ON "accounts" USING btree ("workspace_id",(external_ids ->> 'csv')) WHERE external_ids ? 'csv';--> statement-breakpoint
CREATE INDEX "contacts_ext_hubspot_idx" ON "contacts" USING btree ("workspace_id",(external_ids ->> 'hubspot')) WHERE external_ids ? 'hubspot';--> statement-breakpoint
CREATE INDEX "contacts_ext_salesforce_idx" ON "contacts" USING btree ("workspace_id",(external_ids ->> 'salesforce')) WHERE external_ids ? 'salesforce';--> statement-breakpoint
CREATE INDEX "contacts_ext_csv_idx" ON "contacts" USING btree ("workspace_id",(external_ids ->> 'csv')) WHERE external_ids ? 'csv';--> statement-breakpoint
CREATE INDEX "deals_ext_hubspot_idx" ON "deals" USING btree ("workspace_id",(external_ids ->> 'hubspot')) WHERE external_ids ? 'hubspot';--> statement-breakpoint
CREATE INDEX "deals_ext_salesforce_idx" ON "deals" USING btree ("workspace_id",(external_ids ->> 'salesforce')) WHERE external_ids ? 'salesforce';--> statement-breakpoint
CREATE INDEX "deals_ext_csv_idx" ON "deals" USING btree ("workspace_id",(external_ids ->> 'csv')) WHERE external_ids ? 'csv';--> statement-breakpoint
SELECT tandem_enable_tenant_rls(t::regclass) FROM unnest(ARRAY['import_jobs', 'import_errors']) AS t;
