import { Anchor, Group, Stack, Text } from "@mantine/core";
import { Link } from "react-router";
import { DealStageBadge } from "../../../components/deal-stage-badge";
import { SectionCard } from "../../../components/section-card";
import { formatDate } from "../../../lib/format";
import { useMoney, useSession } from "../../../lib/session";
import { useDeals } from "../../deals/hooks/use-deals";

/** The signed-in rep's open deals, closing soonest first. */
export function MyDealsCard() {
  const me = useSession();
  const money = useMoney();
  // Managers and admins own few deals themselves: they watch everyone's.
  const everyone = me.role === "admin" || me.role === "manager";
  const list = useDeals({ ownerId: everyone ? undefined : me.user.id, open: "true", sort: "expectedCloseAt", limit: 8 });
  return (
    <SectionCard
      title={everyone ? "Deals closing next" : "My open deals"}
      actions={
        <Anchor component={Link} to={everyone ? "/deals?open=true&sort=expectedCloseAt" : `/deals?ownerId=${me.user.id}&open=true`} fz="xs">
          {everyone ? "All open deals" : "All my deals"}
        </Anchor>
      }
    >
      {list.items.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {list.isLoading ? "Loading…" : "You own no open deals."}
        </Text>
      ) : (
        <Stack gap={8}>
          {list.items.map((d) => (
            <Group key={d.id} justify="space-between" wrap="nowrap">
              <div style={{ minWidth: 0 }}>
                <Anchor component={Link} to={`/deals/${d.id}`} fz="sm" fw={500} truncate display="block">
                  {d.name}
                </Anchor>
                <Text fz="xs" c="dimmed" truncate>
                  {d.accountName} · closes {formatDate(d.expectedCloseAt)}
                  {everyone && d.ownerName ? ` · ${d.ownerName}` : ""}
                </Text>
              </div>
              <Stack gap={2} align="flex-end">
                <Text fz="sm" fw={600}>
                  {money(d.amount, { currency: d.currency })}
                </Text>
                <DealStageBadge stage={d.stage} size="xs" />
              </Stack>
            </Group>
          ))}
        </Stack>
      )}
    </SectionCard>
  );
}
