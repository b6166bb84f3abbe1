import { Grid, SimpleGrid, Stack } from "@mantine/core";
import { IconBuildingBank, IconCoin } from "@tabler/icons-react";
import type { Serialized } from "../../../../shared/contracts/common.js";
import type { RevenueByChannel } from "../../../../shared/contracts/reports/revenue-by-channel.js";
import { channelLabel } from "../../../lib/labels";
import type { DrillSpec } from "../hooks/drill-records";
import type { ReportFilters } from "../hooks/report-filters";
import { useReport } from "../hooks/use-report";
import { useDrill } from "./drill-drawer";
import { BarsChart, ChartCard } from "./report-charts";
import { ReportQueryState } from "./report-query-state";
import { ReportStat } from "./report-stat";
import { ReportTable } from "./report-table";

type Data = Serialized<RevenueByChannel>;
type Measure = "revenue" | "pipeline";

const label = (channel: string) => (channel === "unattributed" ? "No channel" : channelLabel(channel));
const rbcDrill = (channelKey: string, measure: Measure): DrillSpec => ({ report: "revenue-by-channel", slug: "revenue-by-channel", kind: "deal", title: `${label(channelKey)}: ${measure === "revenue" ? "deals won" : "deals created"}`, params: { channelKey, measure } });

/** The revenue-by-channel report for the filters (and the previous period when comparing). */
export function useRevenueByChannel(filters: ReportFilters) {
  return useReport<RevenueByChannel>("revenue-by-channel", filters);
}

/** Revenue and pipeline per channel as bars, with the partner and alliance total as a card. */
export function RevenueByChannelSummary({ data, previous, comparing }: { data: Data; previous?: Data; comparing: boolean }) {
  const drill = useDrill();
  const rows = data.channels.map((c) => ({ ...c, label: label(c.channel) }));
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, lg: 8 }}>
        <ChartCard title="Revenue and pipeline by channel" testId="revenue-by-channel-chart" empty={rows.length === 0 ? "No deal was won or created in this period. Deals and their sourcing campaign or lead fill this chart." : null} hint="Channel of the partner account, else the source campaign, else the sourcing lead. Click a bar for its deals.">
          <BarsChart
            data={rows}
            dataKey="label"
            horizontal
            categoryWidth={130}
            format="money"
            series={[
              { name: "revenue", label: "Won revenue", color: "teal.6" },
              { name: "pipeline", label: "Pipeline created", color: "indigo.4" },
            ]}
            onBarClick={(row, series) => drill(rbcDrill(String(row.channel), series === "pipeline" ? "pipeline" : "revenue"))}
          />
        </ChartCard>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 4 }}>
        <Stack gap="md">
          <ReportStat testId="rbc-total" label="Won revenue" value={data.total.revenue} previous={previous?.total.revenue ?? null} comparing={comparing} format="money" icon={<IconCoin size={18} />} color="teal" hint={`${data.total.wonDeals} deals won`} />
          <ReportStat
            testId="rbc-partner"
            label="Partner & alliance revenue"
            value={data.partner.revenue}
            previous={previous?.partner.revenue ?? null}
            comparing={comparing}
            format="money"
            icon={<IconBuildingBank size={18} />}
            color="grape"
            hint={`${data.partner.revenueShare === null ? "—" : `${Math.round(data.partner.revenueShare * 1000) / 10}%`} of revenue · ${data.partner.wonDeals} deals won, ${data.partner.viaPartnerAccount} through a partner account`}
            onDrill={() => drill(rbcDrill("partner", "revenue"))}
          />
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

/** The whole revenue-by-channel report: the summary and the table of both measures with shares. */
export function RevenueByChannelReportView({ filters }: { filters: ReportFilters }) {
  const query = useRevenueByChannel(filters);
  const drill = useDrill();
  return (
    <ReportQueryState query={query} height={420}>
      {(data) => (
        <Stack gap="lg">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <ReportStat label="Pipeline created" testId="rbc-pipeline" value={data.total.pipeline} previous={query.previous?.total.pipeline ?? null} comparing={filters.compare} format="money" hint={`${data.total.pipelineDeals} deals created`} />
            <ReportStat label="Partner & alliance pipeline" value={data.partner.pipeline} previous={query.previous?.partner.pipeline ?? null} comparing={filters.compare} format="money" hint={`${data.partner.pipelineDeals} deals created`} onDrill={() => drill(rbcDrill("partner", "pipeline"))} />
          </SimpleGrid>
          <RevenueByChannelSummary data={data} previous={query.previous} comparing={filters.compare} />
          <ReportTable
            title="By channel"
            exportName="revenue-by-channel"
            testId="revenue-by-channel-table"
            rows={data.channels}
            rowKey={(r) => r.channel}
            empty="No deal was won or created in this period."
            footer="Partner deals: channel partner, or sourced by a contact of a partner account (counted once, in the partner row)."
            columns={[
              { key: "channel", header: "Channel", format: "text", value: (r) => label(r.channel) },
              { key: "revenue", header: "Won revenue", format: "money", value: (r) => r.revenue, drill: (r) => rbcDrill(r.channel, "revenue") },
              { key: "wonDeals", header: "Deals won", format: "count", value: (r) => r.wonDeals, drill: (r) => rbcDrill(r.channel, "revenue") },
              { key: "revenueShare", header: "Share of revenue", format: "percent", value: (r) => r.revenueShare, nullReason: "No revenue in this period." },
              { key: "pipeline", header: "Pipeline", format: "money", value: (r) => r.pipeline, drill: (r) => rbcDrill(r.channel, "pipeline") },
              { key: "pipelineDeals", header: "Deals created", format: "count", value: (r) => r.pipelineDeals, drill: (r) => rbcDrill(r.channel, "pipeline") },
              { key: "pipelineShare", header: "Share of pipeline", format: "percent", value: (r) => r.pipelineShare, nullReason: "No pipeline in this period." },
            ]}
          />
        </Stack>
      )}
    </ReportQueryState>
  );
}
