import { useMemo } from "react";
import { Button, Group, MultiSelect, SegmentedControl, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { Insight } from "../../../../shared/contracts/enablement-insights.js";
import { INSIGHT_STATUSES } from "../../../../shared/domain/insights.js";
import { can } from "../../../../shared/domain/permissions.js";
import { AccountSelect } from "../../../components/account-select";
import { EmptyPanel } from "../../../components/empty-panel";
import { ExportCsvButton } from "../../../components/export-csv-button";
import { PageHeader } from "../../../components/page-header";
import { QueryError } from "../../../components/query-error";
import { SectionCard } from "../../../components/section-card";
import { api } from "../../../lib/api-client";
import { useSession } from "../../../lib/session";
import { useUrlState } from "../../../lib/use-url-state";
import { InsightCard } from "../components/insight-card";
import { ShareInsightButton } from "../components/insight-form-modal";
import { CompetitorPicker, KIND_OPTIONS, PersonaPicker } from "../components/insight-pickers";
import { InsightsTabs } from "../components/insights-tabs";
import { useInsights } from "../hooks/use-insights";

const FILTER_KEYS = ["kind", "status", "personaId", "competitorId", "accountId", "dealId", "rideAlongId", "mine"] as const;
const LIST_KEYS = new Set(["kind", "status"]);

/** The insight a notification pointed at (`?focus=`), shown above the feed. */
function FocusedInsight({ id, canTriage }: { id: string; canTriage: boolean }) {
  const one = useQuery({ queryKey: ["insights", "one", id], queryFn: ({ signal }) => api.get<Insight>(`/insights/${id}`, undefined, signal) });
  if (!one.data) return null;
  return (
    <SectionCard title="From your notification" testId="focused-insight">
      <InsightCard insight={one.data} canTriage={canTriage} />
    </SectionCard>
  );
}

/** Field insights at /insights: the feed with filters, sort by votes or newest, votes, marketing's triage and CSV. */
export function InsightsPage() {
  const me = useSession();
  const url = useUrlState();
  const canTriage = can(me.role, "triageInsights");
  const query = useMemo(() => {
    const q: Record<string, string | string[] | undefined> = { sort: url.get("sort") ?? undefined, limit: "25" };
    for (const k of FILTER_KEYS) q[k] = LIST_KEYS.has(k) ? url.getList(k) : (url.get(k) ?? undefined);
    return q;
  }, [url]);
  const list = useInsights(query);
  const filtered = FILTER_KEYS.some((k) => url.get(k));
  const focus = url.get("focus");
  return (
    <>
      <PageHeader
        title="Field insights"
        description="What the field hears — who is buying, why, their pains, decision criteria, objections and competitor moves. Vote for what matters; marketing reviews each one and says what it did about it."
        actions={
          <Group>
            <ExportCsvButton path="/insights/export.csv" query={query} />
            {can(me.role, "submitInsights") && <ShareInsightButton variant="light" />}
          </Group>
        }
      />
      <InsightsTabs />
      <Stack gap="md">
        {focus && <FocusedInsight id={focus} canTriage={canTriage} />}
        <Group gap="sm" align="flex-end" data-testid="insight-filters">
          <MultiSelect label="Kind" placeholder="Any kind" data={KIND_OPTIONS} value={url.getList("kind")} onChange={(v) => url.set("kind", v)} clearable w={240} data-testid="filter-kind" />
          <MultiSelect label="Status" placeholder="Any status" data={INSIGHT_STATUSES.map((s) => ({ value: s, label: s }))} value={url.getList("status")} onChange={(v) => url.set("status", v)} clearable w={200} data-testid="filter-status" />
          <PersonaPicker label="Persona" placeholder="Any persona" value={url.get("personaId")} onChange={(v) => url.set("personaId", v)} w={180} data-testid="filter-persona" />
          <CompetitorPicker label="Competitor" placeholder="Any competitor" value={url.get("competitorId")} onChange={(v) => url.set("competitorId", v)} w={180} />
          <AccountSelect label="Account" placeholder="Any account" value={url.get("accountId")} onChange={(id) => url.set("accountId", id)} clearable w={200} />
          <SegmentedControl
            data={[{ value: "-createdAt", label: "Newest" }, { value: "-votes", label: "Most votes" }]}
            value={url.get("sort") ?? "-createdAt"}
            onChange={(v) => url.set("sort", v === "-createdAt" ? null : v)}
            data-testid="insight-sort"
          />
          {filtered && <Button variant="subtle" onClick={() => url.setMany(Object.fromEntries(FILTER_KEYS.map((k) => [k, null])))}>Clear filters</Button>}
        </Group>
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Stack gap="xs" data-testid="insights-feed">
            {list.isLoading && <Text c="dimmed" fz="sm">Loading…</Text>}
            {!list.isLoading && list.items.length === 0 && (
              <EmptyPanel title={filtered ? "No insight matches these filters" : "No insights yet"} description="Reps share what buyers say; marketing records ride-alongs." />
            )}
            {list.items.map((i) => <InsightCard key={i.id} insight={i} canTriage={canTriage} />)}
            {list.hasNextPage && (
              <Button variant="default" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>Load more</Button>
            )}
          </Stack>
        )}
      </Stack>
    </>
  );
}
