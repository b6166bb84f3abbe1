CREATE TABLE "capture_settings" (
	"workspace_id" uuid NOT NULL,
	"publishable_key" text NOT NULL,
	"allowed_origins" text[] DEFAULT '{}'::text[] NOT NULL,
	"rotated_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "capture_settings_workspace_id_pk" PRIMARY KEY("workspace_id")
);
--> statement-breakpoint
CREATE TABLE "suppressions" (
	"workspace_id" uuid NOT NULL,
	"email_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "suppressions_workspace_id_email_hash_pk" PRIMARY KEY("workspace_id","email_hash")
);
--> statement-breakpoint
CREATE TABLE "visitors" (
	"workspace_id" uuid NOT NULL,
	"visitor_id" text NOT NULL,
	"contact_id" uuid NOT NULL,
	"merged_at" timestamp with time zone NOT NULL,
	CONSTRAINT "visitors_workspace_id_visitor_id_pk" PRIMARY KEY("workspace_id","visitor_id")
);
--> statement-breakpoint
ALTER TABLE "touchpoints" ADD COLUMN "visitor_id" text;--> statement-breakpoint
ALTER TABLE "visitors" ADD CONSTRAINT "visitors_workspace_id_contact_id_contacts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","contact_id") REFERENCES "public"."contacts"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "visitors_contact_idx" ON "visitors" USING btree ("workspace_id","contact_id");--> statement-breakpoint
CREATE INDEX "idempotency_keys_created_idx" ON "idempotency_keys" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "touchpoints_visitor_idx" ON "touchpoints" USING btree ("workspace_id","visitor_id") WHERE visitor_id is not null and contact_id is null;
--> statement-breakpoint
SELECT tandem_enable_tenant_rls(t::regclass) FROM unnest(ARRAY['capture_settings', 'visitors', 'suppressions']) AS t;
--> statement-breakpoint
-- Touchpoints stay append-only except for who they belong to: a form submission gives a visitor's anonymous touches
-- the contact (and its account). Every other column keeps UPDATE revoked.
GRANT UPDATE (contact_id, account_id) ON touchpoints TO tandem_app;
--> statement-breakpoint
-- The audit log stays append-only for the app; a GDPR erasure blanks the changes of entries about the erased contact
-- (the action, time, actor and id stay) through this one function, only in the caller's own workspace.
CREATE OR REPLACE FUNCTION tandem_redact_audit(p_workspace_id uuid, p_entity_ids uuid[]) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
  AS $$
DECLARE n integer;
BEGIN
  IF p_workspace_id IS DISTINCT FROM tandem_current_workspace() THEN
    RAISE EXCEPTION 'tandem_redact_audit: not the current workspace';
  END IF;
  UPDATE audit_log SET changes = '{"redacted": true}'::jsonb
    WHERE workspace_id = p_workspace_id AND entity_id = ANY(p_entity_ids) AND changes IS DISTINCT FROM '{"redacted": true}'::jsonb;
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION tandem_redact_audit(uuid, uuid[]) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION tandem_redact_audit(uuid, uuid[]) TO tandem_app;
