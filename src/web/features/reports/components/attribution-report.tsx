import { Group, Select, SegmentedControl, SimpleGrid, Stack, Text } from "@mantine/core";
import { IconCoin, IconLinkOff, IconRoute } from "@tabler/icons-react";
import type { Serialized } from "../../../../shared/contracts/common.js";
import { UNATTRIBUTED_KEY, type AttributionGroup, type AttributionReport } from "../../../../shared/contracts/reports/attribution.js";
import { formatNumber, formatPercent } from "../../../lib/format";
import { useUrlState } from "../../../lib/use-url-state";
import type { DrillSpec } from "../hooks/drill-records";
import type { ReportFilters } from "../hooks/report-filters";
import { useReport } from "../hooks/use-report";
import { useDrill } from "./drill-drawer";
import { BarsChart, ChartCard } from "./report-charts";
import { ReportQueryState } from "./report-query-state";
import { ReportStat } from "./report-stat";
import { ReportTable, type ReportColumn } from "./report-table";

type Data = Serialized<AttributionReport>;
type Row = Data["rows"][number];
type Basis = "pipeline" | "revenue";
type Model = keyof Row["credit"];

export const MODELS: { key: Model; label: string }[] = [
  { key: "first", label: "First touch" },
  { key: "last", label: "Last touch" },
  { key: "linear", label: "Linear" },
  { key: "uShaped", label: "U-shaped" },
  { key: "wShaped", label: "W-shaped" },
  { key: "timeDecay", label: "Time decay" },
];
const GROUP_LABELS: Record<AttributionGroup, string> = { campaign: "Campaign", channel: "Channel", asset: "Content asset" };
const TOP = 10;

/** Basis, grouping and the charted model, kept in the URL next to the filters. */
export function useAttributionOptions() {
  const url = useUrlState();
  const basis: Basis = url.get("basis") === "revenue" ? "revenue" : "pipeline";
  const rawBy = url.get("by");
  const by: AttributionGroup = rawBy === "channel" || rawBy === "asset" ? rawBy : "campaign";
  const rawModel = url.get("model");
  const model: Model | "all" = MODELS.some((m) => m.key === rawModel) ? (rawModel as Model) : "all";
  return { basis, by, model, url };
}

/** The attribution report for the filters, basis and grouping (and the previous period when comparing). */
export function useAttribution(filters: ReportFilters, basis: Basis, by: AttributionGroup) {
  return useReport<AttributionReport>("attribution", filters, { basis, by });
}

const attrDrill = (basis: Basis, by: AttributionGroup, key: string, title: string): DrillSpec => ({ report: "attribution", slug: `attribution-${basis}-by-${by}`, kind: "deal", title, params: { basis, by, key } });

/** Attributed and unattributed amounts as cards. */
export function AttributionCards({ data, previous, comparing }: { data: Data; previous?: Data; comparing: boolean }) {
  const drill = useDrill();
  const noun = data.basis === "revenue" ? "won revenue" : "pipeline";
  const total = data.totals.amount + data.unattributed.amount;
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" data-testid="attribution-cards">
      <ReportStat testId="attribution-attributed" label={`Attributed ${noun}`} value={data.totals.amount} previous={previous?.totals.amount ?? null} comparing={comparing} format="money" icon={<IconCoin size={18} />} color="teal" hint={`${formatNumber(data.totals.deals)} deals, ${formatNumber(data.totals.touches)} eligible touches`} />
      <ReportStat
        testId="attribution-unattributed"
        label={`Unattributed ${noun}`}
        value={data.unattributed.amount}
        previous={previous?.unattributed.amount ?? null}
        comparing={comparing}
        goodWhen="down"
        format="money"
        icon={<IconLinkOff size={18} />}
        color="gray"
        hint={`${formatNumber(data.unattributed.deals)} deals without a marketing touch in the window${total > 0 ? ` · ${formatPercent(data.unattributed.amount / total)} of the total` : ""}`}
        onDrill={() => drill(attrDrill(data.basis, data.by, UNATTRIBUTED_KEY, `Unattributed ${noun}: deals without an eligible touch`))}
      />
      <ReportStat testId="attribution-touches" label="Touches per attributed deal" value={data.totals.deals ? data.totals.touches / data.totals.deals : null} previous={previous && previous.totals.deals ? previous.totals.touches / previous.totals.deals : null} comparing={comparing} format="decimal" icon={<IconRoute size={18} />} nullReason="No deal converted with an eligible touch in this period." hint="Marketing touches of the deal's contacts in the 365 days before conversion" />
    </SimpleGrid>
  );
}

/** Credit of the largest rows under every model (or one), as bars: where the models agree and where they differ. */
export function AttributionChart({ data, model }: { data: Data; model: Model | "all" }) {
  const drill = useDrill();
  const top = [...data.rows].sort((a, b) => b.credit.linear - a.credit.linear).slice(0, TOP);
  const rows = top.map((r) => ({ key: r.key, label: r.label, ...r.credit }));
  const series = MODELS.filter((m) => model === "all" || m.key === model).map((m) => ({ name: m.key, label: m.label }));
  return (
    <ChartCard
      title={`${data.basis === "revenue" ? "Revenue" : "Pipeline"} credit by ${GROUP_LABELS[data.by].toLowerCase()}${data.rows.length > TOP ? ` (top ${TOP} by linear credit)` : ""}`}
      testId="attribution-chart"
      empty={rows.length === 0 ? `No deal ${data.basis === "revenue" ? "was won" : "was created"} with a marketing touch in this period. Deals and the touches of their contacts fill this chart.` : null}
      hint="Credit = weight × deal amount; every model splits each deal's amount over its eligible touches. Click a bar for the deals."
    >
      <BarsChart data={rows} dataKey="label" horizontal categoryWidth={190} format="money" series={series} onBarClick={(row) => drill(attrDrill(data.basis, data.by, String(row.key), `Deals credited to ${String(row.label)}`))} />
    </ChartCard>
  );
}

function columns(data: Data): ReportColumn<Row>[] {
  return [
    { key: "label", header: GROUP_LABELS[data.by], format: "text", value: (r) => r.label },
    { key: "deals", header: "Deals", format: "count", value: (r) => r.deals, drill: (r) => attrDrill(data.basis, data.by, r.key, `Deals credited to ${r.label}`) },
    { key: "touches", header: "Touches", format: "count", value: (r) => r.touches },
    ...MODELS.map((m): ReportColumn<Row> => ({ key: m.key, header: m.label, format: "money", value: (r) => r.credit[m.key], drill: (r) => attrDrill(data.basis, data.by, r.key, `Deals credited to ${r.label}`) })),
  ];
}

/** The whole attribution report: basis and grouping, cards, the model comparison chart and the full table. */
export function AttributionReportView({ filters }: { filters: ReportFilters }) {
  const { basis, by, model, url } = useAttributionOptions();
  const query = useAttribution(filters, basis, by);
  return (
    <Stack gap="lg">
      <Group gap="md" wrap="wrap">
        <SegmentedControl aria-label="Basis" value={basis} onChange={(v) => url.set("basis", v === "pipeline" ? null : v)} data={[{ value: "pipeline", label: "Pipeline (deals created)" }, { value: "revenue", label: "Revenue (deals won)" }]} />
        <SegmentedControl aria-label="Group by" value={by} onChange={(v) => url.set("by", v === "campaign" ? null : v)} data={(["campaign", "channel", "asset"] as const).map((g) => ({ value: g, label: GROUP_LABELS[g] }))} />
        <Select aria-label="Model" w={170} allowDeselect={false} value={model} onChange={(v) => url.set("model", v === "all" ? null : v)} data={[{ value: "all", label: "All six models" }, ...MODELS.map((m) => ({ value: m.key, label: m.label }))]} />
      </Group>
      <ReportQueryState query={query} height={480}>
        {(data) => (
          <Stack gap="lg">
            <AttributionCards data={data} previous={query.previous} comparing={filters.compare} />
            <AttributionChart data={data} model={model} />
            <ReportTable
              title={`Credit by ${GROUP_LABELS[data.by].toLowerCase()}, all six models`}
              exportName={`attribution-${data.basis}-by-${data.by}`}
              testId="attribution-table"
              columns={columns(data)}
              rows={[...data.rows].sort((a, b) => b.credit.linear - a.credit.linear)}
              rowKey={(r) => r.key}
              empty={`No deal ${data.basis === "revenue" ? "was won" : "was created"} with a marketing touch in this period.`}
              footer={
                <Text span fz="xs">
                  Eligible touches: marketing touches of the deal&apos;s contacts (else its account&apos;s) in the 365 days before {data.basis === "revenue" ? "the close" : "the deal was created"}. First/last: all to one touch; linear: equal; U-shaped: 40/20/40; W-shaped: 30 first, 30 the MQL touch, 30 last, 10 the rest; time decay: half-life 7 days.
                </Text>
              }
            />
          </Stack>
        )}
      </ReportQueryState>
    </Stack>
  );
}
