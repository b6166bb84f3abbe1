import { Anchor, Group, Stack, Text } from "@mantine/core";
import { Link } from "react-router";
import { can } from "../../../../shared/domain/permissions.js";
import { SectionCard } from "../../../components/section-card";
import { useSession } from "../../../lib/session";
import { useInsights } from "../hooks/use-insights";
import { InsightCard } from "./insight-card";
import { ShareInsightButton, type InsightPrefill } from "./insight-form-modal";

/** What the panel shows the insights of: an account, a deal or a persona. */
export type InsightsScope = { accountId: string; accountName?: string } | { dealId: string; dealName?: string; accountId?: string | null } | { personaId: string };

/** The field insights of an account, deal or persona (most voted first, five at most), with a way to add one. */
export function InsightsPanel({ scope, title = "Field insights" }: { scope: InsightsScope; title?: string }) {
  const me = useSession();
  const filter: Record<string, string> = "dealId" in scope ? { dealId: scope.dealId } : "personaId" in scope ? { personaId: scope.personaId } : { accountId: scope.accountId };
  const list = useInsights({ ...filter, sort: "-votes", limit: 5 });
  const prefill: InsightPrefill = "dealId" in scope ? { dealId: scope.dealId, dealName: scope.dealName, accountId: scope.accountId ?? undefined } : "personaId" in scope ? { personaId: scope.personaId } : { accountId: scope.accountId, accountName: scope.accountName };
  const all = `/insights?${new URLSearchParams(filter).toString()}`;
  return (
    <SectionCard
      title={title}
      testId="insights-panel"
      actions={
        <Group gap="xs">
          {can(me.role, "submitInsights") && <ShareInsightButton size="xs" variant="subtle" prefill={prefill} />}
          <Anchor component={Link} to={all} fz="xs">All →</Anchor>
        </Group>
      }
    >
      <Stack gap="xs">
        {list.isLoading && <Text fz="sm" c="dimmed">Loading…</Text>}
        {!list.isLoading && list.items.length === 0 && <Text fz="sm" c="dimmed">No insights yet. What did the buyer say?</Text>}
        {list.items.map((i) => <InsightCard key={i.id} insight={i} canTriage={false} compact />)}
        {list.hasNextPage && <Anchor component={Link} to={all} fz="xs">More insights →</Anchor>}
      </Stack>
    </SectionCard>
  );
}
