ALTER TABLE "lead_events" ADD COLUMN "converted" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "lead_rollup" ADD COLUMN "converted" boolean DEFAULT false NOT NULL;
--> statement-breakpoint
-- lead_events gains one row per main-stage stamp a lead carries (kind 'stamp', the funnel's cohorts and the health
-- index's monthly MQL and SQL counts) with `converted`: the lead reached the next main stage, or a later one, at or
-- after that stamp (reachedSince of src/server/reports/lead-stages.sql.ts). Every stamp now refreshes the lead.
DROP FUNCTION tandem_lead_events_of(uuid, uuid[]);
--> statement-breakpoint
CREATE FUNCTION tandem_lead_events_of(p_ws uuid, p_contacts uuid[])
  RETURNS TABLE (workspace_id uuid, kind text, id uuid, contact_id uuid, at timestamptz, decided_at timestamptz, decision text, reason_code text,
    reached_sql boolean, reached_customer boolean, owner_id uuid, campaign_id uuid, source text, channel text, segment text, team_id uuid, converted boolean)
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
    SELECT 'handover'::text AS kind, h.contact_id, h.id, h.at, h.decided_at, h.decision, h.reason_code, NULL::uuid AS owner_id, NULL::uuid AS team_id FROM h WHERE h.entry
    UNION ALL
    SELECT 'exit', t.contact_id, t.id, t.at, NULL::timestamptz, t.to_stage, t.reason_code, NULL, NULL FROM t WHERE t.to_stage IN ('rejected', 'recycled', 'disqualified')
    UNION ALL
    -- timerOutcome of shared/domain/sla.ts for the timers it no longer changes: breached, else met = on time, else open.
    SELECT 'timer', s.contact_id, s.id, s.due_at, NULL::timestamptz,
      CASE WHEN s.breached_at IS NOT NULL THEN 'breached' WHEN s.state = 'met' THEN 'onTime' ELSE 'open' END, s.kind, s.owner_id, s.team_id
    FROM sla_timers s
    WHERE s.workspace_id = p_ws AND s.contact_id = ANY (p_contacts) AND s.state <> 'cancelled' AND s.kind <> 'mql_target'
      AND NOT (s.state = 'running' AND s.breached_at IS NULL)
  )
  SELECT p_ws, f.kind, f.id, f.contact_id, f.at, f.decided_at, f.decision, f.reason_code,
    f.kind = 'handover' AND coalesce(c.sql_at >= f.at OR c.opportunity_at >= f.at OR c.customer_at >= f.at, false),
    f.kind = 'handover' AND coalesce(c.customer_at >= f.at, false),
    CASE WHEN f.kind = 'timer' THEN f.owner_id ELSE c.owner_id END, c.original_campaign_id, c.source, c.channel, a.segment, f.team_id, false
  FROM f
  JOIN contacts c ON c.workspace_id = p_ws AND c.id = f.contact_id
  LEFT JOIN accounts a ON a.workspace_id = p_ws AND a.id = c.account_id
  UNION ALL
  -- One row per stamp of the stages that start a funnel pair (id derived from the lead and the stage); `converted`:
  -- a stamp of a later stage at or after it, `reached_customer`: the customer stamp at or after it.
  SELECT p_ws, 'stamp', md5(c.id::text || ':' || s.stage)::uuid, c.id, s.at, NULL, NULL, s.stage,
    false, coalesce(c.customer_at >= s.at, false),
    c.owner_id, c.original_campaign_id, c.source, c.channel, a.segment, NULL, s.later_at IS NOT NULL
  FROM contacts c
  LEFT JOIN accounts a ON a.workspace_id = p_ws AND a.id = c.account_id
  CROSS JOIN LATERAL (VALUES
    ('subscriber', c.subscriber_at, greatest(CASE WHEN c.lead_at >= c.subscriber_at THEN c.lead_at END, CASE WHEN c.mql_at >= c.subscriber_at THEN c.mql_at END, CASE WHEN c.sal_at >= c.subscriber_at THEN c.sal_at END, CASE WHEN c.sql_at >= c.subscriber_at THEN c.sql_at END, CASE WHEN c.opportunity_at >= c.subscriber_at THEN c.opportunity_at END, CASE WHEN c.customer_at >= c.subscriber_at THEN c.customer_at END)),
    ('lead', c.lead_at, greatest(CASE WHEN c.mql_at >= c.lead_at THEN c.mql_at END, CASE WHEN c.sal_at >= c.lead_at THEN c.sal_at END, CASE WHEN c.sql_at >= c.lead_at THEN c.sql_at END, CASE WHEN c.opportunity_at >= c.lead_at THEN c.opportunity_at END, CASE WHEN c.customer_at >= c.lead_at THEN c.customer_at END)),
    ('mql', c.mql_at, greatest(CASE WHEN c.sal_at >= c.mql_at THEN c.sal_at END, CASE WHEN c.sql_at >= c.mql_at THEN c.sql_at END, CASE WHEN c.opportunity_at >= c.mql_at THEN c.opportunity_at END, CASE WHEN c.customer_at >= c.mql_at THEN c.customer_at END)),
    ('sal', c.sal_at, greatest(CASE WHEN c.sql_at >= c.sal_at THEN c.sql_at END, CASE WHEN c.opportunity_at >= c.sal_at THEN c.opportunity_at END, CASE WHEN c.customer_at >= c.sal_at THEN c.customer_at END)),
    ('sql', c.sql_at, greatest(CASE WHEN c.opportunity_at >= c.sql_at THEN c.opportunity_at END, CASE WHEN c.customer_at >= c.sql_at THEN c.customer_at END)),
    ('opportunity', c.opportunity_at, greatest(CASE WHEN c.customer_at >= c.opportunity_at THEN c.customer_at END))
  ) AS s (stage, at, later_at)
  WHERE c.workspace_id = p_ws AND c.id = ANY (p_contacts) AND s.at IS NOT NULL
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION tandem_refresh_lead_events(p_ws uuid, p_contacts uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF p_contacts IS NULL OR cardinality(p_contacts) = 0 THEN RETURN; END IF;
  WITH n AS MATERIALIZED (SELECT * FROM tandem_lead_events_of(p_ws, p_contacts))
  DELETE FROM lead_events e WHERE e.workspace_id = p_ws AND e.contact_id = ANY (p_contacts)
    AND NOT EXISTS (SELECT 1 FROM n WHERE n.kind = e.kind AND n.id = e.id AND n.contact_id = e.contact_id AND n.at = e.at
      AND n.decided_at IS NOT DISTINCT FROM e.decided_at AND n.decision IS NOT DISTINCT FROM e.decision AND n.reason_code IS NOT DISTINCT FROM e.reason_code
      AND n.reached_sql = e.reached_sql AND n.reached_customer = e.reached_customer AND n.owner_id IS NOT DISTINCT FROM e.owner_id
      AND n.campaign_id IS NOT DISTINCT FROM e.campaign_id AND n.source IS NOT DISTINCT FROM e.source AND n.channel IS NOT DISTINCT FROM e.channel
      AND n.segment IS NOT DISTINCT FROM e.segment AND n.team_id IS NOT DISTINCT FROM e.team_id AND n.converted = e.converted);
  INSERT INTO lead_events SELECT * FROM tandem_lead_events_of(p_ws, p_contacts) ON CONFLICT DO NOTHING;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION tandem_lead_rollup_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('tandem.report_triggers_off', true) = 'on' THEN RETURN NULL; END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    INSERT INTO lead_rollup (workspace_id, grain, bucket, kind, decision, reason_code, reached_sql, reached_customer, owner_id, campaign_id, source, channel, segment, team_id, converted, n)
    SELECT r.workspace_id, gr.grain, CASE gr.grain WHEN 'day' THEN d.day ELSE date_trunc('month', d.day)::date END,
      r.kind, r.decision, CASE WHEN r.kind <> 'handover' THEN r.reason_code END, r.reached_sql, r.reached_customer, r.owner_id, r.campaign_id, r.source, r.channel, r.segment, r.team_id, r.converted, -count(*)
    FROM old_rows r JOIN workspaces w ON w.id = r.workspace_id
    CROSS JOIN LATERAL (SELECT (r.at AT TIME ZONE w.timezone)::date AS day) d
    CROSS JOIN (VALUES ('day'), ('month')) gr (grain)
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO lead_rollup (workspace_id, grain, bucket, kind, decision, reason_code, reached_sql, reached_customer, owner_id, campaign_id, source, channel, segment, team_id, converted, n)
    SELECT r.workspace_id, gr.grain, CASE gr.grain WHEN 'day' THEN d.day ELSE date_trunc('month', d.day)::date END,
      r.kind, r.decision, CASE WHEN r.kind <> 'handover' THEN r.reason_code END, r.reached_sql, r.reached_customer, r.owner_id, r.campaign_id, r.source, r.channel, r.segment, r.team_id, r.converted, count(*)
    FROM new_rows r JOIN workspaces w ON w.id = r.workspace_id
    CROSS JOIN LATERAL (SELECT (r.at AT TIME ZONE w.timezone)::date AS day) d
    CROSS JOIN (VALUES ('day'), ('month')) gr (grain)
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION tandem_rebuild_lead_rollup(p_ws uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('tandem_lead_rollup'), hashtext(p_ws::text));
  DELETE FROM lead_rollup WHERE workspace_id = p_ws;
  INSERT INTO lead_rollup (workspace_id, grain, bucket, kind, decision, reason_code, reached_sql, reached_customer, owner_id, campaign_id, source, channel, segment, team_id, converted, n, base)
  SELECT r.workspace_id, gr.grain, CASE gr.grain WHEN 'day' THEN d.day ELSE date_trunc('month', d.day)::date END,
    r.kind, r.decision, CASE WHEN r.kind <> 'handover' THEN r.reason_code END, r.reached_sql, r.reached_customer, r.owner_id, r.campaign_id, r.source, r.channel, r.segment, r.team_id, r.converted, count(*), true
  FROM lead_events r JOIN workspaces w ON w.id = r.workspace_id
  CROSS JOIN LATERAL (SELECT (r.at AT TIME ZONE w.timezone)::date AS day) d
  CROSS JOIN (VALUES ('day'), ('month')) gr (grain)
  WHERE r.workspace_id = p_ws
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION tandem_compact_lead_rollup(p_ws uuid) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  folded integer;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('tandem_lead_rollup'), hashtext(p_ws::text));
  WITH touched AS (SELECT DISTINCT grain, bucket FROM lead_rollup WHERE workspace_id = p_ws AND NOT base),
  gone AS (
    DELETE FROM lead_rollup r USING touched t WHERE r.workspace_id = p_ws AND r.grain = t.grain AND r.bucket = t.bucket RETURNING r.*
  )
  INSERT INTO lead_rollup (workspace_id, grain, bucket, kind, decision, reason_code, reached_sql, reached_customer, owner_id, campaign_id, source, channel, segment, team_id, converted, n, base)
  SELECT g.workspace_id, g.grain, g.bucket, g.kind, g.decision, g.reason_code, g.reached_sql, g.reached_customer, g.owner_id, g.campaign_id, g.source, g.channel, g.segment, g.team_id, g.converted, sum(g.n), true
  FROM gone g GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 HAVING sum(g.n) <> 0;
  GET DIAGNOSTICS folded = ROW_COUNT;
  RETURN folded;
END $$;
--> statement-breakpoint
DROP TRIGGER contacts_lead_events ON contacts;
--> statement-breakpoint
CREATE TRIGGER contacts_lead_events AFTER UPDATE OF owner_id, original_campaign_id, source, channel, account_id,
    subscriber_at, lead_at, mql_at, sal_at, sql_at, opportunity_at, customer_at ON contacts
  FOR EACH ROW WHEN (OLD.owner_id IS DISTINCT FROM NEW.owner_id OR OLD.original_campaign_id IS DISTINCT FROM NEW.original_campaign_id
    OR OLD.source IS DISTINCT FROM NEW.source OR OLD.channel IS DISTINCT FROM NEW.channel OR OLD.account_id IS DISTINCT FROM NEW.account_id
    OR OLD.subscriber_at IS DISTINCT FROM NEW.subscriber_at OR OLD.lead_at IS DISTINCT FROM NEW.lead_at OR OLD.mql_at IS DISTINCT FROM NEW.mql_at
    OR OLD.sal_at IS DISTINCT FROM NEW.sal_at OR OLD.sql_at IS DISTINCT FROM NEW.sql_at OR OLD.opportunity_at IS DISTINCT FROM NEW.opportunity_at
    OR OLD.customer_at IS DISTINCT FROM NEW.customer_at)
  EXECUTE FUNCTION tandem_lead_events_follow_contact();
--> statement-breakpoint
-- A new lead arrives with its stamps (imports, identity, the API): its stamp rows.
CREATE OR REPLACE FUNCTION tandem_lead_events_follow_new_contacts() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r record;
BEGIN
  IF current_setting('tandem.report_triggers_off', true) = 'on' THEN RETURN NULL; END IF;
  FOR r IN SELECT n.workspace_id, array_agg(n.id) AS ids FROM new_rows n GROUP BY 1 LOOP
    PERFORM tandem_refresh_lead_events(r.workspace_id, r.ids);
  END LOOP;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER contacts_lead_events_insert AFTER INSERT ON contacts REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tandem_lead_events_follow_new_contacts();
--> statement-breakpoint
SELECT tandem_rebuild_lead_events(w.id) FROM workspaces w;
