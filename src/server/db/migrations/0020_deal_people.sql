ALTER TABLE "deal_contacts" ADD COLUMN "persona" text;--> statement-breakpoint
ALTER TABLE "deal_contacts" ADD COLUMN "first_marketing_at" timestamp with time zone;--> statement-breakpoint
-- Refreshes the persona and first marketing touch of the deal_contacts rows of some contacts (all of a workspace's
-- rows when p_contacts is null: the demo load, this migration).
CREATE OR REPLACE FUNCTION tandem_refresh_deal_people(p_ws uuid, p_contacts uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  UPDATE deal_contacts dc SET persona = c.persona,
    first_marketing_at = (SELECT min(t.occurred_at) FROM touchpoints t WHERE t.workspace_id = dc.workspace_id AND t.contact_id = dc.contact_id AND t.category = 'marketing')
  FROM contacts c
  WHERE dc.workspace_id = p_ws AND (p_contacts IS NULL OR dc.contact_id = ANY (p_contacts)) AND c.workspace_id = dc.workspace_id AND c.id = dc.contact_id;
END $$;
--> statement-breakpoint
-- A contact joins a deal: its persona and first marketing touch come along.
CREATE OR REPLACE FUNCTION tandem_deal_contact_fill() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('tandem.report_triggers_off', true) = 'on' THEN RETURN NEW; END IF;
  NEW.persona := (SELECT c.persona FROM contacts c WHERE c.workspace_id = NEW.workspace_id AND c.id = NEW.contact_id);
  NEW.first_marketing_at := (SELECT min(t.occurred_at) FROM touchpoints t WHERE t.workspace_id = NEW.workspace_id AND t.contact_id = NEW.contact_id AND t.category = 'marketing');
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER deal_contacts_fill BEFORE INSERT OR UPDATE OF contact_id ON deal_contacts FOR EACH ROW EXECUTE FUNCTION tandem_deal_contact_fill();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION tandem_deal_people_follow_persona() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE deal_contacts SET persona = NEW.persona WHERE workspace_id = NEW.workspace_id AND contact_id = NEW.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER contacts_deal_people AFTER UPDATE OF persona ON contacts FOR EACH ROW WHEN (OLD.persona IS DISTINCT FROM NEW.persona)
  EXECUTE FUNCTION tandem_deal_people_follow_persona();
--> statement-breakpoint
-- New marketing touches can only move a first touch earlier (one grouped update per statement); touches removed,
-- re-dated or re-assigned (identity stitching sets contact_id) recompute their contacts' first touch.
CREATE OR REPLACE FUNCTION tandem_deal_people_follow_touches() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r record;
BEGIN
  IF current_setting('tandem.report_triggers_off', true) = 'on' THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    UPDATE deal_contacts dc SET first_marketing_at = n.first
    FROM (SELECT t.workspace_id, t.contact_id, min(t.occurred_at) AS first FROM new_rows t WHERE t.category = 'marketing' AND t.contact_id IS NOT NULL GROUP BY 1, 2) n
    WHERE dc.workspace_id = n.workspace_id AND dc.contact_id = n.contact_id AND (dc.first_marketing_at IS NULL OR dc.first_marketing_at > n.first);
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    FOR r IN
      SELECT x.workspace_id, array_agg(DISTINCT x.contact_id) AS ids FROM (
        SELECT o.workspace_id, o.contact_id FROM old_rows o WHERE o.category = 'marketing' AND o.contact_id IS NOT NULL
        UNION ALL
        SELECT n.workspace_id, n.contact_id FROM new_rows n WHERE n.category = 'marketing' AND n.contact_id IS NOT NULL
      ) x GROUP BY 1
    LOOP
      PERFORM tandem_refresh_deal_people(r.workspace_id, r.ids);
    END LOOP;
  ELSE
    FOR r IN SELECT o.workspace_id, array_agg(DISTINCT o.contact_id) AS ids FROM old_rows o WHERE o.category = 'marketing' AND o.contact_id IS NOT NULL GROUP BY 1 LOOP
      PERFORM tandem_refresh_deal_people(r.workspace_id, r.ids);
    END LOOP;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER touchpoints_deal_people_insert AFTER INSERT ON touchpoints REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tandem_deal_people_follow_touches();
--> statement-breakpoint
CREATE TRIGGER touchpoints_deal_people_update AFTER UPDATE ON touchpoints REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tandem_deal_people_follow_touches();
--> statement-breakpoint
CREATE TRIGGER touchpoints_deal_people_delete AFTER DELETE ON touchpoints REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tandem_deal_people_follow_touches();
--> statement-breakpoint
SELECT tandem_refresh_deal_people(w.id, NULL) FROM workspaces w;
