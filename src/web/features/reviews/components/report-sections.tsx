import type { ReactNode } from "react";
import { Anchor, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import type { z } from "zod";
import { AcceptanceReportSchema } from "../../../../shared/contracts/reports/acceptance.js";
import { AlignmentHealthSchema } from "../../../../shared/contracts/reports/alignment-health.js";
import { AttributionReportSchema } from "../../../../shared/contracts/reports/attribution.js";
import { DecisionMakerCoverageSchema } from "../../../../shared/contracts/reports/decision-maker-coverage.js";
import { LeadQualityReportSchema } from "../../../../shared/contracts/reports/lead-quality.js";
import { RevenueByChannelSchema } from "../../../../shared/contracts/reports/revenue-by-channel.js";
import { SlaAttainmentSchema } from "../../../../shared/contracts/reports/sla-attainment.js";
import { FunnelReportSchema } from "../../../../shared/contracts/reports/funnel.js";
import { KpisSchema } from "../../../../shared/contracts/reports/kpis.js";
import { PersonaDriftSchema } from "../../../../shared/contracts/reports/persona-drift.js";
import { VelocityReportSchema } from "../../../../shared/contracts/reports/velocity.js";
import type { Serialized } from "../../../../shared/contracts/common.js";
import { AcceptanceCards, ReasonChart } from "../../reports/components/acceptance-report";
import { HealthIndex, SymptomTrends } from "../../reports/components/alignment-health-report";
import { AttributionCards, AttributionChart } from "../../reports/components/attribution-report";
import { DmCoverageCards, DmPersonaChart } from "../../reports/components/dm-coverage-report";
import { LeadQualityCards, LeadQualityChart } from "../../reports/components/lead-quality-report";
import { RevenueByChannelSummary } from "../../reports/components/revenue-by-channel-report";
import { MarketingSlaCard, SalesSlaCards } from "../../reports/components/sla-attainment-report";
import { FunnelCards, FunnelConversionChart } from "../../reports/components/funnel-report";
import { KpiCards, RevenueByMonthChart } from "../../reports/components/kpis-report";
import { DriftCards, PersonaMixChart } from "../../reports/components/persona-drift-report";
import { VelocityChart } from "../../reports/components/velocity-report";
import type { ReviewData } from "../hooks/use-reviews";

/** A report section of a review: its title and how to draw it with the report page's own components. */
type SectionView<T> = {
  title: string;
  schema: z.ZodType<T>;
  render: (data: Serialized<T>, previous: Serialized<T> | undefined) => ReactNode;
};

const view = <T,>(v: SectionView<T>) => v as unknown as SectionView<unknown>;

/** The report sections this page can draw, keyed by report name (the key in `snapshot.sections`), in page order. */
const SECTION_VIEWS: Record<string, SectionView<unknown>> = {
  "alignment-health": view({
    title: "Alignment health",
    schema: AlignmentHealthSchema,
    render: (d, p) => (
      <>
        <HealthIndex data={d} previous={p} comparing={!!p} />
        <SymptomTrends data={d} />
      </>
    ),
  }),
  kpis: view({
    title: "Sales KPIs",
    schema: KpisSchema,
    render: (d, p) => (
      <>
        <KpiCards data={d} previous={p} comparing={!!p} full />
        <RevenueByMonthChart data={d} />
      </>
    ),
  }),
  funnel: view({
    title: "Funnel conversion",
    schema: FunnelReportSchema,
    render: (d, p) => (
      <>
        <FunnelCards data={d} previous={p} comparing={!!p} />
        <FunnelConversionChart data={d} previous={p} />
      </>
    ),
  }),
  acceptance: view({
    title: "Lead acceptance",
    schema: AcceptanceReportSchema,
    render: (d, p) => (
      <>
        <AcceptanceCards data={d} previous={p} comparing={!!p} />
        <ReasonChart data={d} kind="reject" />
      </>
    ),
  }),
  "sla-attainment": view({
    title: "SLA attainment",
    schema: SlaAttainmentSchema,
    render: (d, p) => (
      <>
        <SalesSlaCards data={d} previous={p} comparing={!!p} />
        <MarketingSlaCard data={d} previous={p} comparing={!!p} />
      </>
    ),
  }),
  "lead-quality": view({
    title: "Lead quality by campaign (W-shaped)",
    schema: LeadQualityReportSchema,
    render: (d, p) => (
      <>
        <LeadQualityCards data={d} previous={p} comparing={!!p} />
        <LeadQualityChart data={d} />
      </>
    ),
  }),
  attribution: view({
    title: "Revenue attribution by channel",
    schema: AttributionReportSchema,
    render: (d, p) => (
      <>
        <AttributionCards data={d} previous={p} comparing={!!p} />
        <AttributionChart data={d} model="all" />
      </>
    ),
  }),
  "revenue-by-channel": view({ title: "Revenue by channel", schema: RevenueByChannelSchema, render: (d, p) => <RevenueByChannelSummary data={d} previous={p} comparing={!!p} /> }),
  velocity: view({ title: "Stage velocity", schema: VelocityReportSchema, render: (d, p) => <VelocityChart data={d} previous={p} /> }),
  "persona-drift": view({
    title: "Persona drift",
    schema: PersonaDriftSchema,
    render: (d, p) => (
      <>
        <DriftCards data={d} previous={p} comparing={!!p} />
        <PersonaMixChart data={d} />
      </>
    ),
  }),
  "decision-maker-coverage": view({
    title: "Decision-maker coverage",
    schema: DecisionMakerCoverageSchema,
    render: (d, p) => (
      <>
        <DmCoverageCards data={d} previous={p} comparing={!!p} />
        <DmPersonaChart data={d} />
      </>
    ),
  }),
};

/** A section is the report's result, or `{ current, previous }` when it compares with the quarter before. */
function split(value: unknown): { current: unknown; previous: unknown } {
  if (value && typeof value === "object" && "current" in value) return { current: value.current, previous: "previous" in value ? value.previous : undefined };
  return { current: value, previous: undefined };
}

type Drawable = { name: string; title: string; node: ReactNode };

/** The snapshot's report sections this page knows how to draw (others, and ones of an unexpected shape, are left out). */
export function drawableSections(sections: ReviewData["snapshot"]["sections"]): Drawable[] {
  const out: Drawable[] = [];
  for (const [name, v] of Object.entries(SECTION_VIEWS)) {
    if (!(name in sections)) continue;
    const { current, previous } = split(sections[name]);
    const cur = v.schema.safeParse(current);
    if (!cur.success) continue;
    const prev = previous === undefined || previous === null ? undefined : v.schema.safeParse(previous);
    out.push({ name, title: v.title, node: v.render(current as never, prev?.success ? (previous as never) : undefined) });
  }
  return out;
}

/** The report sections of a review as they were generated; each links to the live report for the same quarter. */
export function ReportSections({ sections, period }: { sections: Drawable[]; period: ReviewData["snapshot"]["period"] }) {
  if (sections.length === 0) return null;
  const live = `period=custom&from=${period.from}&to=${period.to}`;
  return (
    <Stack gap="xl" data-testid="report-sections">
      {sections.map((s) => (
        <Stack key={s.name} gap="md" data-testid={`section-${s.name}`}>
          <div>
            <Title order={3} fz="lg" fw={650}>
              {s.title}
            </Title>
            <Text fz="xs" c="dimmed">
              As generated with the review (a drill-down lists today&apos;s records for the quarter).{" "}
              <Anchor component={Link} to={`/reports/${s.name}?${live}`} fz="xs">
                Open the live report for this quarter
              </Anchor>
            </Text>
          </div>
          {s.node}
        </Stack>
      ))}
    </Stack>
  );
}
