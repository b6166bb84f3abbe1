import { Anchor, Group, Stack, Text } from "@mantine/core";
import { Link } from "react-router";
import { SectionCard } from "../../../components/section-card";
import { humanize } from "../../../lib/format";
import { useMoney } from "../../../lib/session";
import { BudgetBar } from "../../campaigns/components/budget-bar";
import { useCampaigns } from "../../campaigns/hooks/use-campaigns";

/** Campaigns running now with their spend against budget. */
export function ActiveCampaignsCard() {
  const money = useMoney();
  const list = useCampaigns({ status: ["active"], sort: "-actualCost", limit: 6 });
  return (
    <SectionCard
      title="Active campaigns"
      actions={
        <Anchor component={Link} to="/campaigns?status=active" fz="xs">
          All campaigns
        </Anchor>
      }
    >
      {list.items.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {list.isLoading ? "Loading…" : "No campaign is running right now."}
        </Text>
      ) : (
        <Stack gap="sm">
          {list.items.map((c) => (
            <div key={c.id}>
              <Group justify="space-between" wrap="nowrap" mb={4}>
                <Anchor component={Link} to={`/campaigns/${c.id}`} fz="sm" fw={500} truncate>
                  {c.name}
                </Anchor>
                <Text fz="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
                  {humanize(c.channel)} · {money(c.actualCost, { compact: true })} / {money(c.budget, { compact: true })}
                </Text>
              </Group>
              <BudgetBar budget={c.budget} actual={c.actualCost} />
            </div>
          ))}
        </Stack>
      )}
    </SectionCard>
  );
}
