import { SimpleGrid } from "@mantine/core";
import type { CampaignDetail } from "../../../../shared/contracts/campaigns.js";
import type { Serialized } from "../../../../shared/contracts/common.js";
import { StatCard } from "../../../components/stat-card";
import { formatNumber } from "../../../lib/format";
import { useMoney } from "../../../lib/session";

/** What a campaign produced, from touches to won revenue, with cost per result where it means something. */
export function CampaignStats({ campaign, compact = false }: { campaign: Serialized<CampaignDetail>; compact?: boolean }) {
  const money = useMoney();
  const s = campaign.stats;
  const per = (n: number) => (n > 0 && campaign.actualCost > 0 ? `${money(campaign.actualCost / n)} each` : undefined);
  return (
    <SimpleGrid cols={compact ? { base: 2, sm: 4, lg: 3 } : { base: 2, sm: 4, lg: 7 }} spacing="sm" mb={compact ? 0 : "md"} data-testid="campaign-stats">
      <StatCard label="Touchpoints" value={formatNumber(s.touchpoints)} testId="stat-touchpoints" />
      <StatCard label="People reached" value={formatNumber(s.contactsReached)} hint={per(s.contactsReached)} testId="stat-contacts" />
      <StatCard label="Leads sourced" value={formatNumber(s.leadsSourced)} hint={per(s.leadsSourced)} testId="stat-leads" />
      <StatCard label="MQLs" value={formatNumber(s.mqls)} hint={per(s.mqls)} testId="stat-mqls" />
      <StatCard label="Deals sourced" value={formatNumber(s.dealsSourced)} hint={per(s.dealsSourced)} testId="stat-deals" />
      <StatCard label="Pipeline" value={money(s.pipeline, { compact: s.pipeline >= 100_000 })} testId="stat-pipeline" />
      <StatCard
        label="Won revenue"
        value={money(s.wonRevenue, { compact: s.wonRevenue >= 100_000 })}
        hint={campaign.actualCost > 0 ? `ROI ${Math.round(((s.wonRevenue - campaign.actualCost) / campaign.actualCost) * 100)}%` : undefined}
        testId="stat-won"
      />
    </SimpleGrid>
  );
}
