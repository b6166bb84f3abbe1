-- Three foreign keys over (workspace_id, x) were created with a plain ON DELETE SET NULL, which nulls workspace_id too
-- (a NOT NULL key column): deleting a deal named by a content request, an asset delivered for one, or a team named by
-- an SLA timer failed. SET NULL (x) nulls only the reference, as 0013's keys do.
ALTER TABLE "sla_timers" DROP CONSTRAINT "sla_timers_workspace_id_team_id_teams_workspace_id_id_fk";--> statement-breakpoint
ALTER TABLE "sla_timers" ADD CONSTRAINT "sla_timers_workspace_id_team_id_teams_workspace_id_id_fk" FOREIGN KEY ("workspace_id","team_id") REFERENCES "public"."teams"("workspace_id","id") ON DELETE SET NULL ("team_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_requests" DROP CONSTRAINT "content_requests_workspace_id_deal_id_deals_workspace_id_id_fk";--> statement-breakpoint
ALTER TABLE "content_requests" ADD CONSTRAINT "content_requests_workspace_id_deal_id_deals_workspace_id_id_fk" FOREIGN KEY ("workspace_id","deal_id") REFERENCES "public"."deals"("workspace_id","id") ON DELETE SET NULL ("deal_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_requests" DROP CONSTRAINT "content_requests_workspace_id_result_asset_id_assets_workspace_id_id_fk";--> statement-breakpoint
ALTER TABLE "content_requests" ADD CONSTRAINT "content_requests_workspace_id_result_asset_id_assets_workspace_id_id_fk" FOREIGN KEY ("workspace_id","result_asset_id") REFERENCES "public"."assets"("workspace_id","id") ON DELETE SET NULL ("result_asset_id") ON UPDATE no action;
