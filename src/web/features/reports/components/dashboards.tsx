import type { ReactNode } from "react";
import { Anchor, Grid, Group, Stack, Title } from "@mantine/core";
import { Link, useLocation } from "react-router";
import type { ReportFilters } from "../hooks/report-filters";
import type { Dashboard } from "../report-catalog";
import { HealthIndex, SymptomTrends, useAlignmentHealth } from "./alignment-health-report";
import { LeadQualityCards, LeadQualityChart, useLeadQuality } from "./lead-quality-report";
import { MarketingSlaCard, SalesSlaCards, SlaTeamChart, SlaTrend, useSlaAttainment } from "./sla-attainment-report";
import { AcceptanceCards, AcceptanceChart, ReasonChart, useAcceptance } from "./acceptance-report";
import { AttributionCards, AttributionChart, useAttribution } from "./attribution-report";
import { RevenueByChannelSummary, useRevenueByChannel } from "./revenue-by-channel-report";
import { DmCoverageCards, DmPersonaChart, useDmCoverage } from "./dm-coverage-report";
import { FunnelCards, FunnelConversionChart, useFunnel } from "./funnel-report";
import { KpiCards, KpisByRep, RevenueByMonthChart, useKpis } from "./kpis-report";
import { DriftCards, PersonaMixChart, usePersonaDrift } from "./persona-drift-report";
import { ReportQueryState } from "./report-query-state";
import { VelocityCard, VelocityTrend, useVelocity } from "./velocity-report";

type BlockProps = { filters: ReportFilters };

/** A dashboard section: its title, a link to the report's own page (same filters), and the content. */
function Block({ title, report, testId, children }: { title: string; report: string; testId?: string; children: ReactNode }) {
  const { search } = useLocation();
  const params = new URLSearchParams(search);
  params.delete("dashboard");
  return (
    <Stack gap="sm" data-testid={testId}>
      <Group justify="space-between" align="baseline">
        <Title order={3} fz="lg" fw={650}>
          {title}
        </Title>
        <Anchor component={Link} to={`/reports/${report}${params.size ? `?${params.toString()}` : ""}`} fz="sm">
          Full report →
        </Anchor>
      </Group>
      {children}
    </Stack>
  );
}

function FunnelBlock({ filters }: BlockProps) {
  const funnel = useFunnel(filters);
  return (
    <Block title="Funnel conversion" report="funnel" testId="block-funnel">
      <ReportQueryState query={funnel} height={300}>
        {(data) => (
          <Stack gap="md">
            <FunnelCards data={data} previous={funnel.previous} comparing={filters.compare} />
            <FunnelConversionChart data={data} previous={funnel.previous} />
          </Stack>
        )}
      </ReportQueryState>
    </Block>
  );
}

function KpiBlock({ filters, byRep = false }: BlockProps & { byRep?: boolean }) {
  const kpis = useKpis(filters);
  return (
    <Block title="Sales KPIs" report="kpis" testId="block-kpis">
      <ReportQueryState query={kpis} height={300}>
        {(data) => (
          <Stack gap="md">
            <KpiCards data={data} previous={kpis.previous} comparing={filters.compare} />
            <Grid gap="md">
              <Grid.Col span={{ base: 12, lg: byRep ? 7 : 12 }}>
                <RevenueByMonthChart data={data} />
              </Grid.Col>
              {byRep && (
                <Grid.Col span={{ base: 12, lg: 5 }}>
                  <KpisByRep data={data} chartOnly />
                </Grid.Col>
              )}
            </Grid>
          </Stack>
        )}
      </ReportQueryState>
    </Block>
  );
}

function VelocityBlock({ filters, stage }: BlockProps & { stage: string }) {
  const velocity = useVelocity(filters);
  return (
    <Block title="Speed to accept" report="velocity" testId="block-velocity">
      <ReportQueryState query={velocity} height={260}>
        {(data) => {
          const pair = data.pairs.find((p) => p.from === stage);
          if (!pair) return null;
          return (
            <Grid gap="md">
              <Grid.Col span={{ base: 12, lg: 4 }}>
                <VelocityCard pair={pair} previous={velocity.previous?.pairs.find((q) => q.from === stage)} comparing={filters.compare} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, lg: 8 }}>
                <VelocityTrend pair={pair} />
              </Grid.Col>
            </Grid>
          );
        }}
      </ReportQueryState>
    </Block>
  );
}

function PersonaDriftBlock({ filters }: BlockProps) {
  const drift = usePersonaDrift(filters);
  return (
    <Block title="Persona drift" report="persona-drift" testId="block-persona-drift">
      <ReportQueryState query={drift} height={300}>
        {(data) => (
          <Stack gap="md">
            <DriftCards data={data} previous={drift.previous} comparing={filters.compare} />
            <PersonaMixChart data={data} />
          </Stack>
        )}
      </ReportQueryState>
    </Block>
  );
}

function DmCoverageBlock({ filters }: BlockProps) {
  const coverage = useDmCoverage(filters);
  return (
    <Block title="Decision-maker coverage" report="decision-maker-coverage" testId="block-dm-coverage">
      <ReportQueryState query={coverage} height={300}>
        {(data) => (
          <Stack gap="md">
            <DmCoverageCards data={data} previous={coverage.previous} comparing={filters.compare} />
            <DmPersonaChart data={data} />
          </Stack>
        )}
      </ReportQueryState>
    </Block>
  );
}

function AcceptanceBlock({ filters, breakdown, reasons = false, title = "Lead acceptance" }: BlockProps & { breakdown: "byRep" | "byCampaign" | "byTeam"; reasons?: boolean; title?: string }) {
  const acceptance = useAcceptance(filters);
  return (
    <Block title={title} report="acceptance" testId="block-acceptance">
      <ReportQueryState query={acceptance} height={300}>
        {(data) => (
          <Stack gap="md">
            <AcceptanceCards data={data} previous={acceptance.previous} comparing={filters.compare} />
            <Grid gap="md">
              <Grid.Col span={{ base: 12, lg: reasons ? 6 : 12 }}>
                <AcceptanceChart data={data} breakdown={breakdown} />
              </Grid.Col>
              {reasons && (
                <Grid.Col span={{ base: 12, lg: 6 }}>
                  <ReasonChart data={data} kind="reject" />
                </Grid.Col>
              )}
            </Grid>
          </Stack>
        )}
      </ReportQueryState>
    </Block>
  );
}

function AttributionBlock({ filters }: BlockProps) {
  const attribution = useAttribution(filters, "pipeline", "campaign");
  return (
    <Block title="Attribution of pipeline" report="attribution" testId="block-attribution">
      <ReportQueryState query={attribution} height={300}>
        {(data) => (
          <Stack gap="md">
            <AttributionCards data={data} previous={attribution.previous} comparing={filters.compare} />
            <AttributionChart data={data} model="all" />
          </Stack>
        )}
      </ReportQueryState>
    </Block>
  );
}

function RevenueByChannelBlock({ filters }: BlockProps) {
  const rbc = useRevenueByChannel(filters);
  return (
    <Block title="Revenue by channel" report="revenue-by-channel" testId="block-revenue-by-channel">
      <ReportQueryState query={rbc} height={300}>
        {(data) => <RevenueByChannelSummary data={data} previous={rbc.previous} comparing={filters.compare} />}
      </ReportQueryState>
    </Block>
  );
}

function HealthBlock({ filters }: BlockProps) {
  const health = useAlignmentHealth(filters);
  return (
    <Block title="Alignment health" report="alignment-health" testId="block-health">
      <ReportQueryState query={health} height={360}>
        {(data) => (
          <Stack gap="md">
            <HealthIndex data={data} previous={health.previous} comparing={filters.compare} />
            <SymptomTrends data={data} />
          </Stack>
        )}
      </ReportQueryState>
    </Block>
  );
}

function SlaBlock({ filters, side, kinds }: BlockProps & { side: "both" | "sales" | "marketing"; kinds?: ("accept" | "first_touch")[] }) {
  const sla = useSlaAttainment(filters);
  const title = side === "both" ? "SLAs, both sides" : side === "sales" ? (kinds ? "Accept and first-touch SLAs" : "Sales SLA") : "Marketing SLA";
  return (
    <Block title={title} report="sla-attainment" testId={`block-sla-${side}`}>
      <ReportQueryState query={sla} height={280}>
        {(data) => (
          <Stack gap="md">
            {side !== "marketing" && <SalesSlaCards data={data} previous={sla.previous} comparing={filters.compare} kinds={kinds} />}
            <Grid gap="md">
              {side !== "sales" && (
                <Grid.Col span={{ base: 12, lg: 4 }}>
                  <MarketingSlaCard data={data} previous={sla.previous} comparing={filters.compare} />
                </Grid.Col>
              )}
              <Grid.Col span={{ base: 12, lg: side === "sales" ? 7 : 8 }}>
                <SlaTrend data={data} sides={side} />
              </Grid.Col>
              {side === "sales" && (
                <Grid.Col span={{ base: 12, lg: 5 }}>
                  <SlaTeamChart data={data} />
                </Grid.Col>
              )}
            </Grid>
          </Stack>
        )}
      </ReportQueryState>
    </Block>
  );
}

function LeadQualityBlock({ filters }: BlockProps) {
  const lq = useLeadQuality(filters, "campaign", "w_shaped");
  return (
    <Block title="Lead quality per campaign" report="lead-quality" testId="block-lead-quality">
      <ReportQueryState query={lq} height={300}>
        {(data) => (
          <Stack gap="md">
            <LeadQualityCards data={data} previous={lq.previous} comparing={filters.compare} />
            <LeadQualityChart data={data} />
          </Stack>
        )}
      </ReportQueryState>
    </Block>
  );
}

const LAYOUTS: Record<Dashboard, ((p: BlockProps) => ReactNode)[]> = {
  marketing: [
    (p) => <LeadQualityBlock key="lq" {...p} />,
    (p) => <AcceptanceBlock key="acceptance" breakdown="byCampaign" reasons title="Acceptance and rejection reasons" {...p} />,
    (p) => <FunnelBlock key="funnel" {...p} />,
    (p) => <AttributionBlock key="attribution" {...p} />,
    (p) => <PersonaDriftBlock key="drift" {...p} />,
    (p) => <SlaBlock key="sla" side="marketing" {...p} />,
  ],
  sales: [
    (p) => <KpiBlock key="kpis" byRep {...p} />,
    (p) => <SlaBlock key="sla" side="sales" {...p} />,
    (p) => <AcceptanceBlock key="acceptance" breakdown="byRep" title="Acceptance by rep" {...p} />,
    (p) => <RevenueByChannelBlock key="rbc" {...p} />,
    (p) => <DmCoverageBlock key="dm" {...p} />,
  ],
  sdr: [
    (p) => <AcceptanceBlock key="acceptance" breakdown="byRep" reasons title="Acceptance of the leads handed over" {...p} />,
    (p) => <SlaBlock key="sla" side="sales" kinds={["accept", "first_touch"]} {...p} />,
    (p) => <VelocityBlock key="velocity" stage="mql" {...p} />,
  ],
  manager: [
    (p) => <HealthBlock key="health" {...p} />,
    (p) => <SlaBlock key="sla" side="both" {...p} />,
    (p) => <FunnelBlock key="funnel" {...p} />,
    (p) => <KpiBlock key="kpis" {...p} />,
  ],
};

/** One role's dashboard: the reports that role acts on, each linking to its full page. */
export function DashboardView({ dashboard, filters }: { dashboard: Dashboard; filters: ReportFilters }) {
  return (
    <Stack gap="xl" data-testid={`dashboard-${dashboard}`}>
      {LAYOUTS[dashboard].map((render) => render({ filters }))}
    </Stack>
  );
}
