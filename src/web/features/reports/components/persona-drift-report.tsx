import { Grid, SimpleGrid, Stack, Text } from "@mantine/core";
import type { Serialized } from "../../../../shared/contracts/common.js";
import type { PersonaDrift } from "../../../../shared/contracts/reports/persona-drift.js";
import { formatNumber } from "../../../lib/format";
import { useMoney } from "../../../lib/session";
import type { DrillSpec } from "../hooks/drill-records";
import type { ReportFilters } from "../hooks/report-filters";
import { useReport } from "../hooks/use-report";
import { useDrill } from "./drill-drawer";
import { BarsChart, ChartCard } from "./report-charts";
import { ReportQueryState } from "./report-query-state";
import { ReportStat } from "./report-stat";
import { ReportTable } from "./report-table";

type Data = Serialized<PersonaDrift>;
type Mix = "targeted" | "engaged" | "buyers";

const MIX_LABELS: Record<Mix, string> = { targeted: "Targeted by campaigns", engaged: "Engaged MQLs", buyers: "Buyers on won deals" };
const MIX_COLORS: Record<Mix, string> = { targeted: "orange.6", engaged: "indigo.6", buyers: "teal.6" };
const driftDrill = (mix: Mix, persona: string): DrillSpec => ({ report: "persona-drift", slug: "persona-drift", kind: mix === "targeted" ? "campaign" : "contact", title: `${persona}: ${MIX_LABELS[mix].toLowerCase()}`, params: { mix, persona } });
const EMPTY_MIX = "One of the two mixes is empty in this period (no campaign cost with target personas, no MQL or no won deal with a persona).";

/** The persona drift report for the filters (and the previous period when comparing). */
export function usePersonaDrift(filters: ReportFilters) {
  return useReport<PersonaDrift>("persona-drift", filters);
}

/** The three distances between the mixes as cards (0 = the same mix, 100% = no persona in common). */
export function DriftCards({ data, previous, comparing }: { data: Data; previous?: Data; comparing: boolean }) {
  const d = data.distances;
  const p = previous?.distances;
  const card = (key: keyof Data["distances"], label: string, hint: string) => (
    <ReportStat key={key} testId={`drift-${key}`} label={label} value={d[key]} previous={p?.[key] ?? null} comparing={comparing} goodWhen="down" format="percent" nullReason={EMPTY_MIX} hint={hint} />
  );
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" data-testid="drift-cards">
      {card("targetedVsEngaged", "Targeted vs engaged", "How far the MQLs differ from who campaigns aim at")}
      {card("engagedVsBuyers", "Engaged vs buyers", "How far buyers differ from the MQLs marketing delivers")}
      {card("targetedVsBuyers", "Targeted vs buyers", "How far buyers differ from who campaigns aim at")}
    </SimpleGrid>
  );
}

/** The three mixes side by side per persona; a bar opens the campaigns or contacts behind it. */
export function PersonaMixChart({ data }: { data: Data }) {
  const drill = useDrill();
  return (
    <ChartCard title="Persona mix: targeted, engaged, buyers" testId="persona-mix-chart" empty={data.sideBySide.length === 0 ? "No persona in any mix. Campaign target personas, MQL personas and buyers' personas on won deals fill this chart." : null} hint="Share of each mix by persona (personas not known are left out of the shares). Click a bar for its records.">
      <BarsChart
        data={data.sideBySide}
        dataKey="persona"
        horizontal
        format="percent"
        series={(["targeted", "engaged", "buyers"] as const).map((m) => ({ name: m, label: MIX_LABELS[m], color: MIX_COLORS[m] }))}
        onBarClick={(row, series) => drill(driftDrill(series as Mix, String(row.persona)))}
      />
    </ChartCard>
  );
}

/** The whole persona drift report: distances, the mixes side by side, and the table of shares and weights. */
export function PersonaDriftReportView({ filters }: { filters: ReportFilters }) {
  const query = usePersonaDrift(filters);
  const money = useMoney();
  return (
    <ReportQueryState query={query} height={480}>
      {(data) => {
        const weight = (mix: Mix, persona: string) => data.mixes[mix].personas.find((x) => x.persona === persona)?.weight ?? 0;
        return (
          <Stack gap="lg">
            <DriftCards data={data} previous={query.previous} comparing={filters.compare} />
            <Grid gap="md">
              <Grid.Col span={{ base: 12, lg: 7 }}>
                <PersonaMixChart data={data} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, lg: 5 }}>
                <Stack gap={6} p="md" style={{ border: "1px solid var(--mantine-color-default-border)", borderRadius: 8 }}>
                  <Text fz="sm" fw={650}>
                    What the mixes weigh
                  </Text>
                  <Text fz="sm">Targeted: {money(data.mixes.targeted.total)} of campaign cost with target personas{data.mixes.targeted.unknown ? `, ${money(data.mixes.targeted.unknown)} without` : ""}.</Text>
                  <Text fz="sm">Engaged: {formatNumber(data.mixes.engaged.total)} MQLs with a persona{data.mixes.engaged.unknown ? `, ${formatNumber(data.mixes.engaged.unknown)} without` : ""}.</Text>
                  <Text fz="sm">Buyers: {formatNumber(Math.round(data.mixes.buyers.total * 10) / 10)} won deals split over their people{data.mixes.buyers.unknown ? `, ${formatNumber(Math.round(data.mixes.buyers.unknown * 10) / 10)} without a persona` : ""}.</Text>
                  <Text fz="xs" c="dimmed">
                    Distance = total variation, ½ Σ |p − q| over personas: 0% when two mixes match, 100% when they share no persona.
                  </Text>
                </Stack>
              </Grid.Col>
            </Grid>
            <ReportTable
              title="Shares by persona"
              exportName="persona-drift"
              testId="persona-drift-table"
              rows={data.sideBySide}
              rowKey={(r) => r.persona}
              empty="No persona in any mix this period."
              columns={[
                { key: "persona", header: "Persona", format: "text", value: (r) => r.persona },
                { key: "targeted", header: "Targeted", format: "percent", value: (r) => r.targeted, drill: (r) => driftDrill("targeted", r.persona) },
                { key: "targetedCost", header: "Targeted cost", format: "money", value: (r) => weight("targeted", r.persona) },
                { key: "engaged", header: "Engaged", format: "percent", value: (r) => r.engaged, drill: (r) => driftDrill("engaged", r.persona) },
                { key: "engagedMqls", header: "MQLs", format: "decimal", value: (r) => weight("engaged", r.persona) },
                { key: "buyers", header: "Buyers", format: "percent", value: (r) => r.buyers, drill: (r) => driftDrill("buyers", r.persona) },
                { key: "buyerDeals", header: "Won deals (share)", format: "decimal", value: (r) => weight("buyers", r.persona) },
              ]}
            />
          </Stack>
        );
      }}
    </ReportQueryState>
  );
}
