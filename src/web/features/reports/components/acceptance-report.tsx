import { Grid, SimpleGrid, Stack } from "@mantine/core";
import { IconThumbDown, IconThumbUp } from "@tabler/icons-react";
import type { Serialized } from "../../../../shared/contracts/common.js";
import type { AcceptanceReport } from "../../../../shared/contracts/reports/acceptance.js";
import { formatNumber } from "../../../lib/format";
import type { DrillSpec } from "../hooks/drill-records";
import type { ReportFilters } from "../hooks/report-filters";
import { useReport } from "../hooks/use-report";
import { useDrill } from "./drill-drawer";
import { BarsChart, ChartCard } from "./report-charts";
import { ReportQueryState } from "./report-query-state";
import { ReportStat } from "./report-stat";
import { ReportTable, type ReportColumn } from "./report-table";

type Data = Serialized<AcceptanceReport>;
type Row = Data["byRep"][number];
type ReasonKind = "reject" | "recycle" | "disqualify";
type Breakdown = "byTeam" | "byRep" | "byCampaign" | "bySource";

const BREAKDOWN: Record<Breakdown, { label: string; param: string; none: string }> = {
  byTeam: { label: "Team", param: "teamId", none: "No team" },
  byRep: { label: "Rep", param: "repId", none: "Unassigned" },
  byCampaign: { label: "Campaign", param: "campaignId", none: "No campaign" },
  bySource: { label: "Source", param: "source", none: "No source" },
};
const REASON_TITLES: Record<ReasonKind, string> = { reject: "Rejection reasons", recycle: "Recycle reasons", disqualify: "Disqualification reasons" };
const NO_DECISION = "No MQL handed over in this period was accepted or rejected yet.";

const accDrill = (title: string, params: DrillSpec["params"]): DrillSpec => ({ report: "acceptance", slug: "acceptance", kind: "contact", title, params });

/** The acceptance report for the filters (and the previous period when comparing). */
export function useAcceptance(filters: ReportFilters) {
  return useReport<AcceptanceReport>("acceptance", filters);
}

/** Acceptance as cards: the rate, then what happened to the MQLs handed over. */
export function AcceptanceCards({ data, previous, comparing }: { data: Data; previous?: Data; comparing: boolean }) {
  const drill = useDrill();
  const t = data.totals;
  const p = previous?.totals;
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md" data-testid="acceptance-cards">
      <ReportStat testId="acceptance-rate" label="Acceptance rate" value={t.rate} previous={p?.rate ?? null} comparing={comparing} format="percent" icon={<IconThumbUp size={18} />} color="teal" nullReason={NO_DECISION} hint="accepted ÷ (accepted + rejected)" onDrill={() => drill(accDrill("MQLs handed over", {}))} />
      <ReportStat testId="acceptance-handed-over" label="MQLs handed over" value={t.handedOver} previous={p?.handedOver ?? null} comparing={comparing} format="count" hint={`${formatNumber(t.pending)} still pending${t.recycled + t.disqualified ? ` · ${formatNumber(t.recycled)} recycled, ${formatNumber(t.disqualified)} disqualified` : ""}`} onDrill={() => drill(accDrill("MQLs handed over", {}))} />
      <ReportStat testId="acceptance-accepted" label="Accepted" value={t.accepted} previous={p?.accepted ?? null} comparing={comparing} format="count" onDrill={() => drill(accDrill("MQLs accepted", { outcome: "accepted" }))} />
      <ReportStat testId="acceptance-rejected" label="Rejected" value={t.rejected} previous={p?.rejected ?? null} comparing={comparing} goodWhen="down" format="count" icon={<IconThumbDown size={18} />} color="red" onDrill={() => drill(accDrill("MQLs rejected", { outcome: "rejected" }))} />
    </SimpleGrid>
  );
}

/** Acceptance rate per team, rep, campaign or source as bars; a bar opens its MQLs. */
export function AcceptanceChart({ data, breakdown, title }: { data: Data; breakdown: Breakdown; title?: string }) {
  const drill = useDrill();
  const b = BREAKDOWN[breakdown];
  const rows = data[breakdown].filter((r) => r.accepted + r.rejected > 0).map((r) => ({ key: r.key, label: r.label ?? b.none, rate: r.rate }));
  return (
    <ChartCard title={title ?? `Acceptance by ${b.label.toLowerCase()}`} testId={`acceptance-chart-${breakdown}`} empty={rows.length === 0 ? NO_DECISION : null} hint="Accepted ÷ (accepted + rejected) of the MQLs handed over in the period. Click a bar for them.">
      <BarsChart data={rows} dataKey="label" horizontal categoryWidth={breakdown === "byCampaign" ? 220 : 140} format="percent" series={[{ name: "rate", label: "Acceptance", color: "teal.6" }]} onBarClick={(row) => row.key && drill(accDrill(`MQLs handed over: ${String(row.label)}`, { [b.param]: String(row.key) }))} />
    </ChartCard>
  );
}

/** One reason list (reject, recycle or disqualify) as bars of counts; a bar opens the leads. */
export function ReasonChart({ data, kind }: { data: Data; kind: ReasonKind }) {
  const drill = useDrill();
  const table = data.reasons[kind];
  return (
    <ChartCard title={REASON_TITLES[kind]} testId={`reasons-${kind}`} empty={table.total === 0 ? `No lead was ${kind === "reject" ? "rejected" : kind === "recycle" ? "recycled" : "disqualified"} in this period.` : null} hint={`${formatNumber(table.total)} in the period. Click a bar for the leads.`}>
      <BarsChart data={table.reasons} dataKey="label" horizontal categoryWidth={220} format="count" series={[{ name: "count", label: "Leads", color: kind === "reject" ? "red.6" : kind === "recycle" ? "orange.6" : "gray.6" }]} onBarClick={(row) => drill(accDrill(`${REASON_TITLES[kind]}: ${String(row.label)}`, { reasonKind: kind, reason: row.code ? String(row.code) : "none" }))} />
    </ChartCard>
  );
}

function rowColumns(breakdown: Breakdown): ReportColumn<Row>[] {
  const b = BREAKDOWN[breakdown];
  const spec = (r: Row, title: string, extra: DrillSpec["params"] = {}) => (r.key ? accDrill(`${title}: ${r.label ?? b.none}`, { [b.param]: r.key, ...extra }) : null);
  return [
    { key: "label", header: b.label, format: "text", value: (r) => r.label ?? b.none },
    { key: "handedOver", header: "Handed over", format: "count", value: (r) => r.handedOver, drill: (r) => spec(r, "MQLs handed over") },
    { key: "accepted", header: "Accepted", format: "count", value: (r) => r.accepted, drill: (r) => spec(r, "Accepted", { outcome: "accepted" }) },
    { key: "rejected", header: "Rejected", format: "count", value: (r) => r.rejected, drill: (r) => spec(r, "Rejected", { outcome: "rejected" }) },
    { key: "pending", header: "Pending", format: "count", value: (r) => r.pending, drill: (r) => spec(r, "Pending", { outcome: "pending" }) },
    { key: "recycled", header: "Recycled", format: "count", value: (r) => r.recycled },
    { key: "disqualified", header: "Disqualified", format: "count", value: (r) => r.disqualified },
    { key: "rate", header: "Acceptance", format: "percent", value: (r) => r.rate, nullReason: "Nothing accepted or rejected yet." },
  ];
}

/** A breakdown as a table with the full counts. */
export function AcceptanceTable({ data, breakdown }: { data: Data; breakdown: Breakdown }) {
  return <ReportTable title={`By ${BREAKDOWN[breakdown].label.toLowerCase()}`} exportName={`acceptance-by-${BREAKDOWN[breakdown].label.toLowerCase()}`} testId={`acceptance-table-${breakdown}`} columns={rowColumns(breakdown)} rows={data[breakdown]} rowKey={(r) => r.key ?? "none"} empty="No MQL was handed over in this period." />;
}

/** The whole acceptance report: cards, rates by team and rep, the reasons, and every breakdown as a table. */
export function AcceptanceReportView({ filters }: { filters: ReportFilters }) {
  const query = useAcceptance(filters);
  return (
    <ReportQueryState query={query} height={480}>
      {(data) => (
        <Stack gap="lg">
          <AcceptanceCards data={data} previous={query.previous} comparing={filters.compare} />
          <Grid gap="md">
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <AcceptanceChart data={data} breakdown="byTeam" />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <AcceptanceChart data={data} breakdown="byRep" />
            </Grid.Col>
          </Grid>
          <ReasonChart data={data} kind="reject" />
          <Grid gap="md">
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <ReasonChart data={data} kind="recycle" />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <ReasonChart data={data} kind="disqualify" />
            </Grid.Col>
          </Grid>
          <AcceptanceTable data={data} breakdown="byRep" />
          <AcceptanceTable data={data} breakdown="byTeam" />
          <AcceptanceTable data={data} breakdown="byCampaign" />
          <AcceptanceTable data={data} breakdown="bySource" />
          <ReportTable
            title="Reasons"
            exportName="acceptance-reasons"
            rows={(["reject", "recycle", "disqualify"] as const).flatMap((kind) => data.reasons[kind].reasons.map((r) => ({ ...r, kind })))}
            rowKey={(r) => `${r.kind}:${r.code ?? "none"}`}
            empty="No lead was rejected, recycled or disqualified in this period."
            columns={[
              { key: "kind", header: "Move", format: "text", value: (r) => (r.kind === "reject" ? "Rejected" : r.kind === "recycle" ? "Recycled" : "Disqualified") },
              { key: "label", header: "Reason", format: "text", value: (r) => r.label },
              { key: "count", header: "Leads", format: "count", value: (r) => r.count, drill: (r) => accDrill(`${REASON_TITLES[r.kind]}: ${r.label}`, { reasonKind: r.kind, reason: r.code ?? "none" }) },
              { key: "share", header: "Share", format: "percent", value: (r) => r.share },
            ]}
          />
        </Stack>
      )}
    </ReportQueryState>
  );
}
