import { Grid, SimpleGrid, Stack } from "@mantine/core";
import type { Serialized } from "../../../../shared/contracts/common.js";
import type { DecisionMakerCoverage } from "../../../../shared/contracts/reports/decision-maker-coverage.js";
import { humanize } from "../../../lib/format";
import type { DrillSpec } from "../hooks/drill-records";
import type { ReportFilters } from "../hooks/report-filters";
import { useReport } from "../hooks/use-report";
import { useDrill } from "./drill-drawer";
import { BarsChart, ChartCard } from "./report-charts";
import { ReportQueryState } from "./report-query-state";
import { ReportStat } from "./report-stat";
import { ReportTable } from "./report-table";

type Data = Serialized<DecisionMakerCoverage>;
type Coverage = "covered" | "uncovered" | "no_decision_maker";

const COVERAGE_TITLES: Record<Coverage, string> = { covered: "Deals whose decision makers marketing reached", uncovered: "Deals whose decision makers marketing did not reach", no_decision_maker: "Deals without a decision maker recorded" };
const dmDrill = (coverage: Coverage, extra: { persona?: string; outcome?: string } = {}): DrillSpec => ({
  report: "decision-maker-coverage",
  slug: "decision-maker-coverage",
  kind: "deal",
  title: [COVERAGE_TITLES[coverage], extra.persona ? `persona ${extra.persona}` : null, extra.outcome ? humanize(extra.outcome).toLowerCase() : null].filter(Boolean).join(" · "),
  params: { coverage, ...extra },
});
const NO_DM = "No deal closed in this period had a decision maker recorded.";

/** The decision-maker coverage report for the filters (and the previous period when comparing). */
export function useDmCoverage(filters: ReportFilters) {
  return useReport<DecisionMakerCoverage>("decision-maker-coverage", filters);
}

/** Coverage as cards: the share covered, and win rate with and without coverage. */
export function DmCoverageCards({ data, previous, comparing }: { data: Data; previous?: Data; comparing: boolean }) {
  const drill = useDrill();
  const o = data.overall;
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" data-testid="dm-coverage-cards">
      <ReportStat testId="dm-coverage-share" label="Deals with decision makers reached" value={o.share} previous={previous?.overall.share ?? null} comparing={comparing} format="percent" nullReason={NO_DM} hint={`${o.covered} of ${o.deals} closed deals with a decision maker · ${o.noDecisionMaker} without one`} onDrill={() => drill(dmDrill("covered"))} />
      <ReportStat testId="dm-win-covered" label="Win rate, decision makers reached" value={data.winRate.covered} previous={previous?.winRate.covered ?? null} comparing={comparing} format="percent" nullReason="No closed deal had its decision makers reached." onDrill={() => drill(dmDrill("covered", { outcome: "won" }))} />
      <ReportStat testId="dm-win-uncovered" label="Win rate, not reached" value={data.winRate.uncovered} previous={previous?.winRate.uncovered ?? null} comparing={comparing} format="percent" nullReason="Every closed deal with a decision maker had one reached." onDrill={() => drill(dmDrill("uncovered", { outcome: "won" }))} />
    </SimpleGrid>
  );
}

/** Coverage by decision-maker persona as bars. */
export function DmPersonaChart({ data }: { data: Data }) {
  const drill = useDrill();
  return (
    <ChartCard title="Decision makers reached, by persona" testId="dm-persona-chart" empty={data.byPersona.length === 0 ? "No closed deal had a decision maker recorded. Deal contacts with the decision-maker role fill this chart." : null} hint="Share of each persona's decision makers (per deal) that had a marketing touch before the close. Click a bar for the deals.">
      <BarsChart data={data.byPersona} dataKey="persona" horizontal format="percent" series={[{ name: "share", label: "Reached", color: "teal.6" }]} onBarClick={(row) => drill(dmDrill("covered", { persona: String(row.persona) }))} />
    </ChartCard>
  );
}

/** The whole decision-maker coverage report: cards, win rate with and without coverage, by outcome and by persona. */
export function DmCoverageReportView({ filters }: { filters: ReportFilters }) {
  const query = useDmCoverage(filters);
  return (
    <ReportQueryState query={query} height={480}>
      {(data) => (
        <Stack gap="lg">
          <DmCoverageCards data={data} previous={query.previous} comparing={filters.compare} />
          <Grid gap="md">
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <DmPersonaChart data={data} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <ChartCard title="Coverage by outcome" empty={data.byOutcome.every((r) => r.deals === 0) ? NO_DM : null} hint="Share of closed deals (with a decision maker) whose decision makers marketing reached, by how they closed.">
                <BarsChart data={data.byOutcome.map((r) => ({ ...r, label: humanize(r.outcome) }))} dataKey="label" format="percent" series={[{ name: "share", label: "Covered", color: "indigo.6" }]} />
              </ChartCard>
            </Grid.Col>
          </Grid>
          <ReportTable
            title="By outcome"
            exportName="decision-maker-coverage-by-outcome"
            rows={data.byOutcome}
            rowKey={(r) => r.outcome}
            empty={NO_DM}
            columns={[
              { key: "outcome", header: "Outcome", format: "text", value: (r) => humanize(r.outcome) },
              { key: "deals", header: "Deals", format: "count", value: (r) => r.deals },
              { key: "covered", header: "Reached", format: "count", value: (r) => r.covered, drill: (r) => dmDrill("covered", { outcome: r.outcome }) },
              { key: "uncovered", header: "Not reached", format: "count", value: (r) => r.deals - r.covered, drill: (r) => dmDrill("uncovered", { outcome: r.outcome }) },
              { key: "share", header: "Share reached", format: "percent", value: (r) => r.share, nullReason: "No deal with this outcome had a decision maker." },
            ]}
          />
          <ReportTable
            title="By decision-maker persona"
            exportName="decision-maker-coverage-by-persona"
            testId="dm-persona-table"
            rows={data.byPersona}
            rowKey={(r) => r.persona}
            empty={NO_DM}
            footer="One decision maker per deal and person; reached = a marketing touch before the deal closed."
            columns={[
              { key: "persona", header: "Persona", format: "text", value: (r) => r.persona },
              { key: "decisionMakers", header: "Decision makers", format: "count", value: (r) => r.decisionMakers },
              { key: "reached", header: "Reached", format: "count", value: (r) => r.reached, drill: (r) => dmDrill("covered", { persona: r.persona }) },
              { key: "notReached", header: "Not reached", format: "count", value: (r) => r.decisionMakers - r.reached, drill: (r) => dmDrill("uncovered", { persona: r.persona }) },
              { key: "share", header: "Share reached", format: "percent", value: (r) => r.share, nullReason: "No decision maker with this persona." },
            ]}
          />
        </Stack>
      )}
    </ReportQueryState>
  );
}
