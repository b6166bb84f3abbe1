ALTER TABLE "lead_events" ADD COLUMN "team_id" uuid;--> statement-breakpoint
ALTER TABLE "lead_rollup" ADD COLUMN "team_id" uuid;--> statement-breakpoint
CREATE INDEX "sla_timers_live_idx" ON "sla_timers" USING btree ("workspace_id","due_at") WHERE state = 'running' and breached_at is null;--> statement-breakpoint
-- lead_events gains the SLA timers whose outcome no longer depends on the clock (met, breached, or stopped), with the
-- timer's owner and team and the lead's segment, source, channel and campaign: the attainment report sums them from
-- lead_rollup and counts only the running, unbreached timers live. The functions of 0019, with team_id and timers.
DROP FUNCTION tandem_lead_events_of(uuid, uuid[]);
--> statement-breakpoint
CREATE FUNCTION tandem_lead_events_of(p_ws uuid, p_contacts uuid[])
  RETURNS TABLE (workspace_id uuid, kind text, id uuid, contact_id uuid, at timestamptz, decided_at timestamptz, decision text, reason_code text,
    reached_sql boolean, reached_customer boolean, owner_id uuid, campaign_id uuid, source text, channel text, segment text, team_id uuid)
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
    CASE WHEN f.kind = 'timer' THEN f.owner_id ELSE c.owner_id END, c.original_campaign_id, c.source, c.channel, a.segment, f.team_id
  FROM f
  JOIN contacts c ON c.workspace_id = p_ws AND c.id = f.contact_id
  LEFT JOIN accounts a ON a.workspace_id = p_ws AND a.id = c.account_id
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
      AND n.segment IS NOT DISTINCT FROM e.segment AND n.team_id IS NOT DISTINCT FROM e.team_id);
  INSERT INTO lead_events SELECT * FROM tandem_lead_events_of(p_ws, p_contacts) ON CONFLICT DO NOTHING;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION tandem_lead_rollup_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('tandem.report_triggers_off', true) = 'on' THEN RETURN NULL; END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    INSERT INTO lead_rollup (workspace_id, grain, bucket, kind, decision, reason_code, reached_sql, reached_customer, owner_id, campaign_id, source, channel, segment, team_id, n)
    SELECT r.workspace_id, gr.grain, CASE gr.grain WHEN 'day' THEN d.day ELSE date_trunc('month', d.day)::date END,
      r.kind, r.decision, CASE WHEN r.kind <> 'handover' THEN r.reason_code END, r.reached_sql, r.reached_customer, r.owner_id, r.campaign_id, r.source, r.channel, r.segment, r.team_id, -count(*)
    FROM old_rows r JOIN workspaces w ON w.id = r.workspace_id
    CROSS JOIN LATERAL (SELECT (r.at AT TIME ZONE w.timezone)::date AS day) d
    CROSS JOIN (VALUES ('day'), ('month')) gr (grain)
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO lead_rollup (workspace_id, grain, bucket, kind, decision, reason_code, reached_sql, reached_customer, owner_id, campaign_id, source, channel, segment, team_id, n)
    SELECT r.workspace_id, gr.grain, CASE gr.grain WHEN 'day' THEN d.day ELSE date_trunc('month', d.day)::date END,
      r.kind, r.decision, CASE WHEN r.kind <> 'handover' THEN r.reason_code END, r.reached_sql, r.reached_customer, r.owner_id, r.campaign_id, r.source, r.channel, r.segment, r.team_id, count(*)
    FROM new_rows r JOIN workspaces w ON w.id = r.workspace_id
    CROSS JOIN LATERAL (SELECT (r.at AT TIME ZONE w.timezone)::date AS day) d
    CROSS JOIN (VALUES ('day'), ('month')) gr (grain)
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION tandem_rebuild_lead_rollup(p_ws uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('tandem_lead_rollup'), hashtext(p_ws::text));
  DELETE FROM lead_rollup WHERE workspace_id = p_ws;
  INSERT INTO lead_rollup (workspace_id, grain, bucket, kind, decision, reason_code, reached_sql, reached_customer, owner_id, campaign_id, source, channel, segment, team_id, n, base)
  SELECT r.workspace_id, gr.grain, CASE gr.grain WHEN 'day' THEN d.day ELSE date_trunc('month', d.day)::date END,
    r.kind, r.decision, CASE WHEN r.kind <> 'handover' THEN r.reason_code END, r.reached_sql, r.reached_customer, r.owner_id, r.campaign_id, r.source, r.channel, r.segment, r.team_id, count(*), true
  FROM lead_events r JOIN workspaces w ON w.id = r.workspace_id
  CROSS JOIN LATERAL (SELECT (r.at AT TIME ZONE w.timezone)::date AS day) d
  CROSS JOIN (VALUES ('day'), ('month')) gr (grain)
  WHERE r.workspace_id = p_ws
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14;
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
  INSERT INTO lead_rollup (workspace_id, grain, bucket, kind, decision, reason_code, reached_sql, reached_customer, owner_id, campaign_id, source, channel, segment, team_id, n, base)
  SELECT g.workspace_id, g.grain, g.bucket, g.kind, g.decision, g.reason_code, g.reached_sql, g.reached_customer, g.owner_id, g.campaign_id, g.source, g.channel, g.segment, g.team_id, sum(g.n), true
  FROM gone g GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14 HAVING sum(g.n) <> 0;
  GET DIAGNOSTICS folded = ROW_COUNT;
  RETURN folded;
END $$;
--> statement-breakpoint
-- SLA timers started, settled, reassigned or removed: refresh their leads' events.
CREATE OR REPLACE FUNCTION tandem_lead_events_follow_timers() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r record;
BEGIN
  IF current_setting('tandem.report_triggers_off', true) = 'on' THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    -- A new running timer is counted live until it settles: only timers written already settled need a refresh.
    FOR r IN SELECT t.workspace_id, array_agg(DISTINCT t.contact_id) AS ids FROM new_rows t
      WHERE t.state <> 'cancelled' AND NOT (t.state = 'running' AND t.breached_at IS NULL) GROUP BY 1 LOOP
      PERFORM tandem_refresh_lead_events(r.workspace_id, r.ids);
    END LOOP;
  ELSIF TG_OP = 'UPDATE' THEN
    FOR r IN SELECT x.workspace_id, array_agg(DISTINCT x.contact_id) AS ids FROM (
        SELECT n.workspace_id, n.contact_id FROM new_rows n JOIN old_rows o ON o.workspace_id = n.workspace_id AND o.id = n.id
        WHERE (o.state, o.breached_at, o.due_at, o.owner_id, o.team_id, o.contact_id, o.kind) IS DISTINCT FROM (n.state, n.breached_at, n.due_at, n.owner_id, n.team_id, n.contact_id, n.kind)
        UNION ALL
        SELECT o.workspace_id, o.contact_id FROM new_rows n JOIN old_rows o ON o.workspace_id = n.workspace_id AND o.id = n.id WHERE o.contact_id <> n.contact_id
      ) x GROUP BY 1 LOOP
      PERFORM tandem_refresh_lead_events(r.workspace_id, r.ids);
    END LOOP;
  ELSE
    FOR r IN SELECT t.workspace_id, array_agg(DISTINCT t.contact_id) AS ids FROM old_rows t GROUP BY 1 LOOP
      PERFORM tandem_refresh_lead_events(r.workspace_id, r.ids);
    END LOOP;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER sla_timers_lead_events_insert AFTER INSERT ON sla_timers REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tandem_lead_events_follow_timers();
--> statement-breakpoint
CREATE TRIGGER sla_timers_lead_events_update AFTER UPDATE ON sla_timers REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tandem_lead_events_follow_timers();
--> statement-breakpoint
CREATE TRIGGER sla_timers_lead_events_delete AFTER DELETE ON sla_timers REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tandem_lead_events_follow_timers();
--> statement-breakpoint
SELECT tandem_rebuild_lead_events(w.id) FROM workspaces w;
