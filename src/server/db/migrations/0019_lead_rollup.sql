CREATE TABLE "lead_events" (
	"workspace_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"decision" text,
	"reason_code" text,
	"reached_sql" boolean NOT NULL,
	"reached_customer" boolean NOT NULL,
	"owner_id" uuid,
	"campaign_id" uuid,
	"source" text,
	"channel" text,
	"segment" text,
	CONSTRAINT "lead_events_workspace_id_kind_id_pk" PRIMARY KEY("workspace_id","kind","id")
);
--> statement-breakpoint
CREATE TABLE "lead_rollup" (
	"workspace_id" uuid NOT NULL,
	"grain" text NOT NULL,
	"bucket" date NOT NULL,
	"kind" text NOT NULL,
	"decision" text,
	"reason_code" text,
	"reached_sql" boolean NOT NULL,
	"reached_customer" boolean NOT NULL,
	"owner_id" uuid,
	"campaign_id" uuid,
	"source" text,
	"channel" text,
	"segment" text,
	"n" integer NOT NULL,
	"base" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "lead_events" ADD CONSTRAINT "lead_events_workspace_id_contact_id_contacts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","contact_id") REFERENCES "public"."contacts"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_rollup" ADD CONSTRAINT "lead_rollup_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lead_events_contact_idx" ON "lead_events" USING btree ("workspace_id","contact_id");--> statement-breakpoint
CREATE INDEX "lead_events_at_idx" ON "lead_events" USING btree ("workspace_id","kind","at");--> statement-breakpoint
CREATE INDEX "lead_rollup_bucket_idx" ON "lead_rollup" USING btree ("workspace_id","kind","grain","bucket");--> statement-breakpoint
CREATE INDEX "lead_rollup_delta_idx" ON "lead_rollup" USING btree ("workspace_id") WHERE not base;--> statement-breakpoint
SELECT tandem_enable_tenant_rls(t::regclass) FROM unnest(ARRAY['lead_events', 'lead_rollup']) AS t;
--> statement-breakpoint
-- The lead_events rows of some contacts, computed from their stage transitions, keys and stamps: the hand-overs with
-- the first move out of mql at or after each (by time, an entry before an exit at the same instant, then id — the
-- rule of mqlDecisionsSql in src/server/reports/lead-stages.sql.ts), and the moves into rejected/recycled/disqualified.
CREATE OR REPLACE FUNCTION tandem_lead_events_of(p_ws uuid, p_contacts uuid[])
  RETURNS TABLE (workspace_id uuid, kind text, id uuid, contact_id uuid, at timestamptz, decided_at timestamptz, decision text, reason_code text,
    reached_sql boolean, reached_customer boolean, owner_id uuid, campaign_id uuid, source text, channel text, segment text)
  LANGUAGE sql STABLE AS $$
  WITH t AS (
    SELECT st.contact_id, st.id, st.at, st.from_stage, st.to_stage, st.reason_code FROM stage_transitions st
    WHERE st.workspace_id = p_ws AND st.contact_id = ANY (p_contacts)
      AND (st.to_stage IN ('mql', 'rejected', 'recycled', 'disqualified') OR st.from_stage = 'mql')
  ), ev AS (
    SELECT t.contact_id, t.id, t.at, t.to_stage, t.reason_code, true AS entry FROM t WHERE t.to_stage = 'mql'
    UNION ALL
    SELECT t.contact_id, t.id, t.at, t.to_stage, t.reason_code, false FROM t WHERE t.from_stage = 'mql'
  ), g AS (
    SELECT ev.*, count(*) FILTER (WHERE NOT ev.entry) OVER (PARTITION BY ev.contact_id ORDER BY ev.at, ev.entry DESC, ev.id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS grp
    FROM ev
  ), h AS (
    SELECT g.contact_id, g.id, g.at, g.entry,
      max(CASE WHEN NOT g.entry THEN g.at END) OVER w AS decided_at,
      max(CASE WHEN NOT g.entry THEN g.to_stage END) OVER w AS decision,
      max(CASE WHEN NOT g.entry THEN g.reason_code END) OVER w AS reason_code
    FROM g WINDOW w AS (PARTITION BY g.contact_id, g.grp)
  ), f AS (
    SELECT 'handover'::text AS kind, h.contact_id, h.id, h.at, h.decided_at, h.decision, h.reason_code FROM h WHERE h.entry
    UNION ALL
    SELECT 'exit', t.contact_id, t.id, t.at, NULL::timestamptz, t.to_stage, t.reason_code FROM t WHERE t.to_stage IN ('rejected', 'recycled', 'disqualified')
  )
  SELECT p_ws, f.kind, f.id, f.contact_id, f.at, f.decided_at, f.decision, f.reason_code,
    f.kind = 'handover' AND coalesce(c.sql_at >= f.at OR c.opportunity_at >= f.at OR c.customer_at >= f.at, false),
    f.kind = 'handover' AND coalesce(c.customer_at >= f.at, false),
    c.owner_id, c.original_campaign_id, c.source, c.channel, a.segment
  FROM f
  JOIN contacts c ON c.workspace_id = p_ws AND c.id = f.contact_id
  LEFT JOIN accounts a ON a.workspace_id = p_ws AND a.id = c.account_id
$$;
--> statement-breakpoint
-- Brings the lead_events rows of some contacts up to date; only rows that changed are deleted and inserted, so the
-- rollup trigger sees real changes only.
CREATE OR REPLACE FUNCTION tandem_refresh_lead_events(p_ws uuid, p_contacts uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF p_contacts IS NULL OR cardinality(p_contacts) = 0 THEN RETURN; END IF;
  WITH n AS MATERIALIZED (SELECT * FROM tandem_lead_events_of(p_ws, p_contacts))
  DELETE FROM lead_events e WHERE e.workspace_id = p_ws AND e.contact_id = ANY (p_contacts)
    AND NOT EXISTS (SELECT 1 FROM n WHERE n.kind = e.kind AND n.id = e.id AND n.contact_id = e.contact_id AND n.at = e.at
      AND n.decided_at IS NOT DISTINCT FROM e.decided_at AND n.decision IS NOT DISTINCT FROM e.decision AND n.reason_code IS NOT DISTINCT FROM e.reason_code
      AND n.reached_sql = e.reached_sql AND n.reached_customer = e.reached_customer AND n.owner_id IS NOT DISTINCT FROM e.owner_id
      AND n.campaign_id IS NOT DISTINCT FROM e.campaign_id AND n.source IS NOT DISTINCT FROM e.source AND n.channel IS NOT DISTINCT FROM e.channel
      AND n.segment IS NOT DISTINCT FROM e.segment);
  INSERT INTO lead_events SELECT * FROM tandem_lead_events_of(p_ws, p_contacts) ON CONFLICT DO NOTHING;
END $$;
--> statement-breakpoint
-- Adds the signed counts of changed lead_events rows to the rollup, per day and per month of the workspace's zone.
-- Statement-level with transition tables: a bulk statement costs one grouped insert.
CREATE OR REPLACE FUNCTION tandem_lead_rollup_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('tandem.report_triggers_off', true) = 'on' THEN RETURN NULL; END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    INSERT INTO lead_rollup (workspace_id, grain, bucket, kind, decision, reason_code, reached_sql, reached_customer, owner_id, campaign_id, source, channel, segment, n)
    SELECT r.workspace_id, gr.grain, CASE gr.grain WHEN 'day' THEN d.day ELSE date_trunc('month', d.day)::date END,
      r.kind, r.decision, CASE WHEN r.kind = 'exit' THEN r.reason_code END, r.reached_sql, r.reached_customer, r.owner_id, r.campaign_id, r.source, r.channel, r.segment, -count(*)
    FROM old_rows r JOIN workspaces w ON w.id = r.workspace_id
    CROSS JOIN LATERAL (SELECT (r.at AT TIME ZONE w.timezone)::date AS day) d
    CROSS JOIN (VALUES ('day'), ('month')) gr (grain)
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO lead_rollup (workspace_id, grain, bucket, kind, decision, reason_code, reached_sql, reached_customer, owner_id, campaign_id, source, channel, segment, n)
    SELECT r.workspace_id, gr.grain, CASE gr.grain WHEN 'day' THEN d.day ELSE date_trunc('month', d.day)::date END,
      r.kind, r.decision, CASE WHEN r.kind = 'exit' THEN r.reason_code END, r.reached_sql, r.reached_customer, r.owner_id, r.campaign_id, r.source, r.channel, r.segment, count(*)
    FROM new_rows r JOIN workspaces w ON w.id = r.workspace_id
    CROSS JOIN LATERAL (SELECT (r.at AT TIME ZONE w.timezone)::date AS day) d
    CROSS JOIN (VALUES ('day'), ('month')) gr (grain)
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER lead_events_rollup_insert AFTER INSERT ON lead_events REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tandem_lead_rollup_apply();
--> statement-breakpoint
CREATE TRIGGER lead_events_rollup_update AFTER UPDATE ON lead_events REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tandem_lead_rollup_apply();
--> statement-breakpoint
CREATE TRIGGER lead_events_rollup_delete AFTER DELETE ON lead_events REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tandem_lead_rollup_apply();
--> statement-breakpoint
-- Stage transitions written, changed or removed: refresh the lead_events of the contacts they belong to.
CREATE OR REPLACE FUNCTION tandem_lead_events_follow_transitions() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r record;
BEGIN
  IF current_setting('tandem.report_triggers_off', true) = 'on' THEN RETURN NULL; END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    FOR r IN SELECT t.workspace_id, array_agg(DISTINCT t.contact_id) AS ids FROM new_rows t
      WHERE t.to_stage IN ('mql', 'rejected', 'recycled', 'disqualified') OR t.from_stage = 'mql' GROUP BY 1 LOOP
      PERFORM tandem_refresh_lead_events(r.workspace_id, r.ids);
    END LOOP;
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    FOR r IN SELECT t.workspace_id, array_agg(DISTINCT t.contact_id) AS ids FROM old_rows t
      WHERE t.to_stage IN ('mql', 'rejected', 'recycled', 'disqualified') OR t.from_stage = 'mql' GROUP BY 1 LOOP
      PERFORM tandem_refresh_lead_events(r.workspace_id, r.ids);
    END LOOP;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER stage_transitions_lead_events_insert AFTER INSERT ON stage_transitions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tandem_lead_events_follow_transitions();
--> statement-breakpoint
CREATE TRIGGER stage_transitions_lead_events_update AFTER UPDATE ON stage_transitions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tandem_lead_events_follow_transitions();
--> statement-breakpoint
CREATE TRIGGER stage_transitions_lead_events_delete AFTER DELETE ON stage_transitions REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tandem_lead_events_follow_transitions();
--> statement-breakpoint
-- A lead's filter keys or the stamps that decide "reached sql/customer" changed.
CREATE OR REPLACE FUNCTION tandem_lead_events_follow_contact() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('tandem.report_triggers_off', true) = 'on' THEN RETURN NULL; END IF;
  PERFORM tandem_refresh_lead_events(NEW.workspace_id, ARRAY[NEW.id]);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER contacts_lead_events AFTER UPDATE OF owner_id, original_campaign_id, source, channel, account_id, sql_at, opportunity_at, customer_at ON contacts
  FOR EACH ROW WHEN (OLD.owner_id IS DISTINCT FROM NEW.owner_id OR OLD.original_campaign_id IS DISTINCT FROM NEW.original_campaign_id
    OR OLD.source IS DISTINCT FROM NEW.source OR OLD.channel IS DISTINCT FROM NEW.channel OR OLD.account_id IS DISTINCT FROM NEW.account_id
    OR OLD.sql_at IS DISTINCT FROM NEW.sql_at OR OLD.opportunity_at IS DISTINCT FROM NEW.opportunity_at OR OLD.customer_at IS DISTINCT FROM NEW.customer_at)
  EXECUTE FUNCTION tandem_lead_events_follow_contact();
--> statement-breakpoint
-- An account's segment changed: its contacts' rows carry it.
CREATE OR REPLACE FUNCTION tandem_lead_events_follow_account() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('tandem.report_triggers_off', true) = 'on' THEN RETURN NULL; END IF;
  PERFORM tandem_refresh_lead_events(NEW.workspace_id, ARRAY(SELECT c.id FROM contacts c WHERE c.workspace_id = NEW.workspace_id AND c.account_id = NEW.id));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER accounts_lead_events AFTER UPDATE OF segment ON accounts FOR EACH ROW WHEN (OLD.segment IS DISTINCT FROM NEW.segment)
  EXECUTE FUNCTION tandem_lead_events_follow_account();
--> statement-breakpoint
-- Rewrites a workspace's rollup from its lead_events as compacted rows (after a time-zone change, a rebuild).
CREATE OR REPLACE FUNCTION tandem_rebuild_lead_rollup(p_ws uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('tandem_lead_rollup'), hashtext(p_ws::text));
  DELETE FROM lead_rollup WHERE workspace_id = p_ws;
  INSERT INTO lead_rollup (workspace_id, grain, bucket, kind, decision, reason_code, reached_sql, reached_customer, owner_id, campaign_id, source, channel, segment, n, base)
  SELECT r.workspace_id, gr.grain, CASE gr.grain WHEN 'day' THEN d.day ELSE date_trunc('month', d.day)::date END,
    r.kind, r.decision, CASE WHEN r.kind = 'exit' THEN r.reason_code END, r.reached_sql, r.reached_customer, r.owner_id, r.campaign_id, r.source, r.channel, r.segment, count(*), true
  FROM lead_events r JOIN workspaces w ON w.id = r.workspace_id
  CROSS JOIN LATERAL (SELECT (r.at AT TIME ZONE w.timezone)::date AS day) d
  CROSS JOIN (VALUES ('day'), ('month')) gr (grain)
  WHERE r.workspace_id = p_ws
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13;
END $$;
--> statement-breakpoint
-- Rewrites a workspace's lead_events and rollup from its stage transitions (the demo load, after a bulk SQL change).
CREATE OR REPLACE FUNCTION tandem_rebuild_lead_events(p_ws uuid) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  written integer;
  previous text := coalesce(current_setting('tandem.report_triggers_off', true), 'off');
BEGIN
  PERFORM set_config('tandem.report_triggers_off', 'on', true);
  DELETE FROM lead_events WHERE workspace_id = p_ws;
  INSERT INTO lead_events SELECT * FROM tandem_lead_events_of(p_ws, ARRAY(SELECT c.id FROM contacts c WHERE c.workspace_id = p_ws));
  GET DIAGNOSTICS written = ROW_COUNT;
  PERFORM set_config('tandem.report_triggers_off', previous, true);
  PERFORM tandem_rebuild_lead_rollup(p_ws);
  RETURN written;
END $$;
--> statement-breakpoint
-- Folds a workspace's delta rows into base rows, bucket by bucket (only buckets with deltas are rewritten). Rows
-- a concurrent writer adds meanwhile are not in this statement's snapshot and stay as deltas.
CREATE OR REPLACE FUNCTION tandem_compact_lead_rollup(p_ws uuid) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  folded integer;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('tandem_lead_rollup'), hashtext(p_ws::text));
  WITH touched AS (SELECT DISTINCT grain, bucket FROM lead_rollup WHERE workspace_id = p_ws AND NOT base),
  gone AS (
    DELETE FROM lead_rollup r USING touched t WHERE r.workspace_id = p_ws AND r.grain = t.grain AND r.bucket = t.bucket RETURNING r.*
  )
  INSERT INTO lead_rollup (workspace_id, grain, bucket, kind, decision, reason_code, reached_sql, reached_customer, owner_id, campaign_id, source, channel, segment, n, base)
  SELECT g.workspace_id, g.grain, g.bucket, g.kind, g.decision, g.reason_code, g.reached_sql, g.reached_customer, g.owner_id, g.campaign_id, g.source, g.channel, g.segment, sum(g.n), true
  FROM gone g GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13 HAVING sum(g.n) <> 0;
  GET DIAGNOSTICS folded = ROW_COUNT;
  RETURN folded;
END $$;
--> statement-breakpoint
-- The rollup's buckets are days of the workspace's zone.
CREATE OR REPLACE FUNCTION tandem_lead_rollup_follow_timezone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM tandem_rebuild_lead_rollup(NEW.id);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER workspaces_lead_rollup AFTER UPDATE OF timezone ON workspaces FOR EACH ROW WHEN (OLD.timezone IS DISTINCT FROM NEW.timezone)
  EXECUTE FUNCTION tandem_lead_rollup_follow_timezone();
--> statement-breakpoint
-- Existing workspaces: their lead_events and rollup from the transitions already recorded.
SELECT tandem_rebuild_lead_events(w.id) FROM workspaces w;
