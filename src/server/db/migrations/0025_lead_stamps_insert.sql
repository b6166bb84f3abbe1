DROP INDEX "lead_events_at_idx";--> statement-breakpoint
-- The stamp rows of one lead (kind 'stamp', migration 0023): one per stamp of the stages that start a funnel pair, its
-- id derived from the lead and the stage; `converted`: a stamp of a later stage at or after it; `reached_customer`:
-- the customer stamp at or after it. Takes the contact row, so the insert trigger can read its transition table.
CREATE FUNCTION tandem_lead_stamp_rows(c contacts, p_segment text)
  RETURNS TABLE (workspace_id uuid, kind text, id uuid, contact_id uuid, at timestamptz, decided_at timestamptz, decision text, reason_code text,
    reached_sql boolean, reached_customer boolean, owner_id uuid, campaign_id uuid, source text, channel text, segment text, team_id uuid, converted boolean)
  LANGUAGE sql STABLE AS $$
  SELECT c.workspace_id, 'stamp'::text, md5(c.id::text || ':' || s.stage)::uuid, c.id, s.at, NULL::timestamptz, NULL::text, s.stage,
    false, coalesce(c.customer_at >= s.at, false),
    c.owner_id, c.original_campaign_id, c.source, c.channel, p_segment, NULL::uuid, s.later_at IS NOT NULL
  FROM (VALUES
    ('subscriber', c.subscriber_at, greatest(CASE WHEN c.lead_at >= c.subscriber_at THEN c.lead_at END, CASE WHEN c.mql_at >= c.subscriber_at THEN c.mql_at END, CASE WHEN c.sal_at >= c.subscriber_at THEN c.sal_at END, CASE WHEN c.sql_at >= c.subscriber_at THEN c.sql_at END, CASE WHEN c.opportunity_at >= c.subscriber_at THEN c.opportunity_at END, CASE WHEN c.customer_at >= c.subscriber_at THEN c.customer_at END)),
    ('lead', c.lead_at, greatest(CASE WHEN c.mql_at >= c.lead_at THEN c.mql_at END, CASE WHEN c.sal_at >= c.lead_at THEN c.sal_at END, CASE WHEN c.sql_at >= c.lead_at THEN c.sql_at END, CASE WHEN c.opportunity_at >= c.lead_at THEN c.opportunity_at END, CASE WHEN c.customer_at >= c.lead_at THEN c.customer_at END)),
    ('mql', c.mql_at, greatest(CASE WHEN c.sal_at >= c.mql_at THEN c.sal_at END, CASE WHEN c.sql_at >= c.mql_at THEN c.sql_at END, CASE WHEN c.opportunity_at >= c.mql_at THEN c.opportunity_at END, CASE WHEN c.customer_at >= c.mql_at THEN c.customer_at END)),
    ('sal', c.sal_at, greatest(CASE WHEN c.sql_at >= c.sal_at THEN c.sql_at END, CASE WHEN c.opportunity_at >= c.sal_at THEN c.opportunity_at END, CASE WHEN c.customer_at >= c.sal_at THEN c.customer_at END)),
    ('sql', c.sql_at, greatest(CASE WHEN c.opportunity_at >= c.sql_at THEN c.opportunity_at END, CASE WHEN c.customer_at >= c.sql_at THEN c.customer_at END)),
    ('opportunity', c.opportunity_at, greatest(CASE WHEN c.customer_at >= c.opportunity_at THEN c.customer_at END))
  ) AS s (stage, at, later_at)
  WHERE s.at IS NOT NULL
$$;
--> statement-breakpoint
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
  SELECT s.* FROM contacts c LEFT JOIN accounts a ON a.workspace_id = p_ws AND a.id = c.account_id
  CROSS JOIN LATERAL tandem_lead_stamp_rows(c, a.segment) s
  WHERE c.workspace_id = p_ws AND c.id = ANY (p_contacts)
$$;
--> statement-breakpoint
-- A new lead has no transitions or timers yet (both reference it): its rows are its stamps, inserted straight from the
-- statement's new rows (no per-lead recomputation, so imports and identity resolution stay set-based).
CREATE OR REPLACE FUNCTION tandem_lead_events_follow_new_contacts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('tandem.report_triggers_off', true) = 'on' THEN RETURN NULL; END IF;
  INSERT INTO lead_events
  SELECT s.* FROM new_rows c LEFT JOIN accounts a ON a.workspace_id = c.workspace_id AND a.id = c.account_id
  CROSS JOIN LATERAL tandem_lead_stamp_rows(c, a.segment) s
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
