import { Grid, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import { BarChart } from "@mantine/charts";
import { Link } from "react-router";
import { Anchor } from "@mantine/core";
import { PageHeader } from "../../../components/page-header";
import { QueryError } from "../../../components/query-error";
import { SectionCard } from "../../../components/section-card";
import { StatCard } from "../../../components/stat-card";
import { formatDate, formatPercent } from "../../../lib/format";
import { useMoney } from "../../../lib/session";
import { useContentReports } from "../hooks/use-content";

/** Marketing's view at /content/insights: the unused share of the library, content in won vs lost deals, ROI and use by rep (last 12 months). */
export function ContentInsightsPage() {
  const r = useContentReports({});
  const money = useMoney();
  const error = r.unused.error ?? r.effectiveness.error ?? r.roi.error ?? r.usage.error;
  if (error) return <QueryError error={error} />;
  const unused = r.unused.data;
  const eff = r.effectiveness.data;
  const roi = r.roi.data;
  const usage = r.usage.data;
  return (
    <>
      <PageHeader
        title="Content usage & effectiveness"
        crumbs={[{ label: "Content library", to: "/content" }, { label: "Usage & effectiveness" }]}
        description={eff ? `${formatDate(eff.period.from)} – ${formatDate(eff.period.to)}. Content counts on a deal when it was attached to it or shared for it.` : undefined}
      />
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
          <StatCard label="Unused share of the library" value={formatPercent(unused?.unusedShare)} hint={unused ? `${unused.neverUsed} never used, ${unused.stale} not in 90 days, of ${unused.library}` : undefined} color="red" testId="unused-share" />
          <StatCard label="Win rate with content" value={formatPercent(eff?.withContent.winRate)} hint={eff ? `${eff.withContent.won} won / ${eff.withContent.lost} lost` : undefined} color="teal" />
          <StatCard label="Win rate without content" value={formatPercent(eff?.withoutContent.winRate)} hint={eff ? `${eff.withoutContent.won} won / ${eff.withoutContent.lost} lost` : undefined} />
          <StatCard label="Content ROI" value={roi?.totals.roi == null ? "—" : `${roi.totals.roi.toFixed(1)}×`} hint={roi ? `${money(roi.totals.influencedRevenue, { compact: true })} won on ${money(roi.totals.cost, { compact: true })} cost` : undefined} color="indigo" />
        </SimpleGrid>
        <Grid>
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <SectionCard title="Assets in won vs lost deals" testId="effectiveness-chart">
              {eff && eff.rows.length === 0 ? (
                <Text fz="sm" c="dimmed">No closed deal had content on it in this period.</Text>
              ) : (
                <BarChart h={Math.max(220, (eff?.rows.slice(0, 12).length ?? 0) * 34)} data={(eff?.rows ?? []).slice(0, 12).map((x) => ({ asset: x.title, Won: x.won, Lost: x.lost }))} dataKey="asset" orientation="vertical" yAxisProps={{ width: 200 }} type="stacked" series={[{ name: "Won", color: "teal.6" }, { name: "Lost", color: "red.5" }]} withLegend />
              )}
            </SectionCard>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <SectionCard title="Use by rep" testId="usage-chart">
              {usage && usage.rows.length === 0 ? (
                <Text fz="sm" c="dimmed">No content was shared or attached in this period.</Text>
              ) : (
                <BarChart h={260} data={(usage?.rows ?? []).slice(0, 10).map((x) => ({ rep: x.name, Shares: x.shares, Attachments: x.attachments, Views: x.views }))} dataKey="rep" series={[{ name: "Shares", color: "indigo.6" }, { name: "Attachments", color: "blue.4" }, { name: "Views", color: "teal.5" }]} withLegend />
              )}
            </SectionCard>
          </Grid.Col>
        </Grid>
        <Grid>
          <Grid.Col span={{ base: 12, lg: 6 }}>
            <SectionCard title="Content ROI">
              <Table>
                <Table.Thead><Table.Tr><Table.Th>Asset</Table.Th><Table.Th ta="right">Cost</Table.Th><Table.Th ta="right">Won deals</Table.Th><Table.Th ta="right">Influenced revenue</Table.Th><Table.Th ta="right">ROI</Table.Th></Table.Tr></Table.Thead>
                <Table.Tbody>
                  {roi?.rows.slice(0, 15).map((x) => (
                    <Table.Tr key={x.assetId}>
                      <Table.Td><Anchor component={Link} to={`/content/${x.assetId}`}>{x.title}</Anchor></Table.Td>
                      <Table.Td ta="right">{money(x.cost)}</Table.Td>
                      <Table.Td ta="right">{x.wonDeals}</Table.Td>
                      <Table.Td ta="right">{money(x.influencedRevenue)}</Table.Td>
                      <Table.Td ta="right">{x.roi === null ? "—" : `${x.roi.toFixed(1)}×`}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </SectionCard>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 6 }}>
            <SectionCard title="Unused content" testId="unused-list">
              <Table>
                <Table.Thead><Table.Tr><Table.Th>Asset</Table.Th><Table.Th>Last used</Table.Th></Table.Tr></Table.Thead>
                <Table.Tbody>
                  {unused?.rows.slice(0, 20).map((x) => (
                    <Table.Tr key={x.assetId}>
                      <Table.Td><Anchor component={Link} to={`/content/${x.assetId}`}>{x.title}</Anchor></Table.Td>
                      <Table.Td>{x.lastUsedAt ? formatDate(x.lastUsedAt) : "Never"}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {unused && unused.rows.length > 20 && <Text fz="sm" c="dimmed" mt="xs">and {unused.rows.length - 20} more</Text>}
            </SectionCard>
          </Grid.Col>
        </Grid>
      </Stack>
    </>
  );
}
