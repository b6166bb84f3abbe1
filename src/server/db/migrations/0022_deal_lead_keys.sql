ALTER TABLE "deals" ADD COLUMN "lead_source" text;--> statement-breakpoint
ALTER TABLE "deals" ADD COLUMN "lead_channel" text;--> statement-breakpoint
ALTER TABLE "deals" ADD COLUMN "lead_campaign_id" uuid;--> statement-breakpoint
ALTER TABLE "deals" ADD COLUMN "lead_persona" text;--> statement-breakpoint
ALTER TABLE "deals" ADD COLUMN "lead_owner_id" uuid;--> statement-breakpoint
ALTER TABLE "deals" ADD COLUMN "lead_segment" text;--> statement-breakpoint
ALTER TABLE "deals" ADD COLUMN "lead_partner" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "deals" ADD COLUMN "segment" text;--> statement-breakpoint
CREATE INDEX "deals_source_contact_idx" ON "deals" USING btree ("workspace_id","source_contact_id");--> statement-breakpoint
-- Rewrites the copied keys of some deals (all of a workspace's when p_deals is null: this migration, the demo load).
CREATE OR REPLACE FUNCTION tandem_refresh_deal_keys(p_ws uuid, p_deals uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  UPDATE deals d SET lead_source = k.source, lead_channel = k.channel, lead_campaign_id = k.campaign_id, lead_persona = k.persona,
    lead_owner_id = k.owner_id, lead_segment = k.lead_segment, lead_partner = coalesce(k.partner, false), segment = k.segment
  FROM (
    SELECT x.id, c.source, c.channel, c.original_campaign_id AS campaign_id, c.persona, c.owner_id, la.segment AS lead_segment,
      la.customer_status = 'partner' AS partner, da.segment
    FROM deals x
    LEFT JOIN contacts c ON c.workspace_id = x.workspace_id AND c.id = coalesce(x.source_contact_id, x.primary_contact_id)
    LEFT JOIN accounts la ON la.workspace_id = c.workspace_id AND la.id = c.account_id
    LEFT JOIN accounts da ON da.workspace_id = x.workspace_id AND da.id = x.account_id
    WHERE x.workspace_id = p_ws AND (p_deals IS NULL OR x.id = ANY (p_deals))
  ) k
  WHERE d.workspace_id = p_ws AND d.id = k.id;
END $$;
--> statement-breakpoint
-- A deal written or given another sourcing contact or account: copy the keys in the same row write.
CREATE OR REPLACE FUNCTION tandem_deal_keys_fill() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  partner boolean;
BEGIN
  IF current_setting('tandem.report_triggers_off', true) = 'on' THEN RETURN NEW; END IF;
  SELECT c.source, c.channel, c.original_campaign_id, c.persona, c.owner_id, la.segment, la.customer_status = 'partner'
    INTO NEW.lead_source, NEW.lead_channel, NEW.lead_campaign_id, NEW.lead_persona, NEW.lead_owner_id, NEW.lead_segment, partner
  FROM contacts c LEFT JOIN accounts la ON la.workspace_id = c.workspace_id AND la.id = c.account_id
  WHERE c.workspace_id = NEW.workspace_id AND c.id = coalesce(NEW.source_contact_id, NEW.primary_contact_id);
  NEW.lead_partner := coalesce(partner, false);
  NEW.segment := (SELECT a.segment FROM accounts a WHERE a.workspace_id = NEW.workspace_id AND a.id = NEW.account_id);
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER deals_keys_fill BEFORE INSERT OR UPDATE OF source_contact_id, primary_contact_id, account_id ON deals FOR EACH ROW EXECUTE FUNCTION tandem_deal_keys_fill();
--> statement-breakpoint
-- A sourcing contact's keys changed: the deals it sourced follow.
CREATE OR REPLACE FUNCTION tandem_deal_keys_follow_contact() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('tandem.report_triggers_off', true) = 'on' THEN RETURN NULL; END IF;
  PERFORM tandem_refresh_deal_keys(NEW.workspace_id, ARRAY(
    SELECT d.id FROM deals d WHERE d.workspace_id = NEW.workspace_id
      AND (d.source_contact_id = NEW.id OR (d.source_contact_id IS NULL AND d.primary_contact_id = NEW.id))));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER contacts_deal_keys AFTER UPDATE OF source, channel, original_campaign_id, persona, owner_id, account_id ON contacts
  FOR EACH ROW WHEN (OLD.source IS DISTINCT FROM NEW.source OR OLD.channel IS DISTINCT FROM NEW.channel OR OLD.original_campaign_id IS DISTINCT FROM NEW.original_campaign_id
    OR OLD.persona IS DISTINCT FROM NEW.persona OR OLD.owner_id IS DISTINCT FROM NEW.owner_id OR OLD.account_id IS DISTINCT FROM NEW.account_id)
  EXECUTE FUNCTION tandem_deal_keys_follow_contact();
--> statement-breakpoint
-- An account's segment or partner status changed: its deals, and the deals its contacts sourced, follow.
CREATE OR REPLACE FUNCTION tandem_deal_keys_follow_account() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('tandem.report_triggers_off', true) = 'on' THEN RETURN NULL; END IF;
  PERFORM tandem_refresh_deal_keys(NEW.workspace_id, ARRAY(
    SELECT d.id FROM deals d WHERE d.workspace_id = NEW.workspace_id AND d.account_id = NEW.id
    UNION
    SELECT d.id FROM contacts c JOIN deals d ON d.workspace_id = c.workspace_id
      AND (d.source_contact_id = c.id OR (d.source_contact_id IS NULL AND d.primary_contact_id = c.id))
    WHERE c.workspace_id = NEW.workspace_id AND c.account_id = NEW.id));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER accounts_deal_keys AFTER UPDATE OF segment, customer_status ON accounts
  FOR EACH ROW WHEN (OLD.segment IS DISTINCT FROM NEW.segment OR OLD.customer_status IS DISTINCT FROM NEW.customer_status)
  EXECUTE FUNCTION tandem_deal_keys_follow_account();
--> statement-breakpoint
SELECT tandem_refresh_deal_keys(w.id, NULL) FROM workspaces w;
