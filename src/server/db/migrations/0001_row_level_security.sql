-- Row-level security: the second wall behind every workspace filter (DESIGN §5).
-- The app connects as tandem_app (no ownership, no BYPASSRLS) and sets app.workspace_id per transaction;
-- a transaction that sets nothing sees nothing. The migration role keeps full access for migrations,
-- the CLI and the SECURITY DEFINER look-ups below.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tandem_app') THEN
    CREATE ROLE tandem_app NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
  END IF;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO tandem_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO tandem_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO tandem_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO tandem_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO tandem_app;
--> statement-breakpoint
-- Append-only logs: the app may add, never rewrite. (Touchpoints may be deleted by a GDPR erase.)
REVOKE UPDATE ON touchpoints FROM tandem_app;
--> statement-breakpoint
REVOKE UPDATE, DELETE ON audit_log FROM tandem_app;
--> statement-breakpoint
-- The current tenant, or NULL when the transaction set none (so every comparison is false).
CREATE OR REPLACE FUNCTION tandem_current_workspace() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT nullif(current_setting('app.workspace_id', true), '')::uuid $$;
--> statement-breakpoint
-- Enables and forces RLS on a tenant table: tandem_app sees only the current workspace, the migration
-- role (the caller) sees everything. Later migrations call this for every new tenant table.
CREATE OR REPLACE FUNCTION tandem_enable_tenant_rls(tbl regclass, tenant_column text DEFAULT 'workspace_id') RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', tbl);
  EXECUTE format('DROP POLICY IF EXISTS tenant_isolation ON %s', tbl);
  EXECUTE format('CREATE POLICY tenant_isolation ON %s TO tandem_app USING (%I = tandem_current_workspace()) WITH CHECK (%I = tandem_current_workspace())', tbl, tenant_column, tenant_column);
  EXECUTE format('DROP POLICY IF EXISTS owner_access ON %s', tbl);
  EXECUTE format('CREATE POLICY owner_access ON %s TO %I USING (true) WITH CHECK (true)', tbl, current_user);
END $$;
--> statement-breakpoint
SELECT tandem_enable_tenant_rls('workspaces', 'id');
--> statement-breakpoint
SELECT tandem_enable_tenant_rls(t::regclass) FROM unnest(ARRAY[
  'teams', 'memberships', 'invitations', 'api_tokens', 'audit_log', 'reason_codes', 'idempotency_keys',
  'accounts', 'products', 'account_products', 'contacts', 'stage_transitions', 'deals', 'deal_contacts',
  'deal_stage_history', 'touchpoints', 'campaigns', 'campaign_costs'
]) AS t;
--> statement-breakpoint
-- Look-ups that must cross tenants before a workspace is known (login, API token, invitation).
-- SECURITY DEFINER runs them as the migration role; each returns only what its caller proves it may see.
CREATE OR REPLACE FUNCTION tandem_user_workspaces(p_user_id uuid)
  RETURNS TABLE (workspace_id uuid, name text, slug text, role text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$
    SELECT w.id, w.name, w.slug, m.role
    FROM memberships m JOIN workspaces w ON w.id = m.workspace_id
    WHERE m.user_id = p_user_id AND m.deactivated_at IS NULL
    ORDER BY w.created_at, w.id
  $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION tandem_find_api_token(p_token_hash text)
  RETURNS TABLE (workspace_id uuid, id uuid, user_id uuid, scopes text[], expires_at timestamptz, revoked_at timestamptz,
                 user_name text, role text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$
    SELECT t.workspace_id, t.id, t.user_id, t.scopes, t.expires_at, t.revoked_at, u.name, m.role
    FROM api_tokens t
    JOIN users u ON u.id = t.user_id AND u.disabled_at IS NULL
    JOIN memberships m ON m.workspace_id = t.workspace_id AND m.user_id = t.user_id AND m.deactivated_at IS NULL
    WHERE t.token_hash = p_token_hash
  $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION tandem_membership_role(p_user_id uuid, p_workspace_id uuid) RETURNS text
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$
    SELECT m.role FROM memberships m
    WHERE m.user_id = p_user_id AND m.workspace_id = p_workspace_id AND m.deactivated_at IS NULL
  $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION tandem_find_invitation(p_token_hash text)
  RETURNS TABLE (workspace_id uuid, id uuid, email text, name text, role text, expires_at timestamptz, accepted_at timestamptz)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$
    SELECT i.workspace_id, i.id, i.email, i.name, i.role, i.expires_at, i.accepted_at
    FROM invitations i WHERE i.token_hash = p_token_hash
  $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION tandem_workspace_id_by_slug(p_slug text) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT id FROM workspaces WHERE slug = p_slug $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION tandem_user_workspaces(uuid), tandem_find_api_token(text), tandem_find_invitation(text), tandem_workspace_id_by_slug(text), tandem_membership_role(uuid, uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION tandem_user_workspaces(uuid), tandem_find_api_token(text), tandem_find_invitation(text), tandem_workspace_id_by_slug(text), tandem_membership_role(uuid, uuid), tandem_current_workspace() TO tandem_app;
