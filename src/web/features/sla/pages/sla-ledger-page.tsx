import { Grid, Skeleton, Stack, Text, Title } from "@mantine/core";
import { PageHeader } from "../../../components/page-header";
import { QueryError } from "../../../components/query-error";
import { SectionCard } from "../../../components/section-card";
import { formatDate } from "../../../lib/format";
import { addDays, type PeriodPreset } from "../hooks/periods";
import { useSlaLedger } from "../hooks/use-sla";
import { AttainmentCards } from "../components/attainment-cards";
import { BreachTable } from "../components/breach-table";
import { MarketingTargets } from "../components/marketing-targets";
import { PeriodPicker, usePeriod } from "../components/period-picker";
import { RepAttainmentTable } from "../components/rep-attainment-table";
import { TeamAttainmentChart } from "../components/team-attainment-chart";

const PRESETS: PeriodPreset[] = ["this_month", "last_month", "this_quarter", "custom"];

function SideTitle({ children, hint }: { children: string; hint: string }) {
  return (
    <div>
      <Title order={3} fz="lg" fw={650}>
        {children}
      </Title>
      <Text fz="sm" c="dimmed">
        {hint}
      </Text>
    </div>
  );
}

/** The SLA ledger at /sla: whether sales met its response SLAs and marketing its MQL targets, and every breach. */
export function SlaLedgerPage() {
  const { range } = usePeriod(PRESETS, "this_month");
  const ledger = useSlaLedger(range);
  const data = ledger.data;

  return (
    <>
      <PageHeader
        title="SLA ledger"
        description={
          data
            ? `Both sides' promises from ${formatDate(data.from)} to ${formatDate(addDays(data.to, -1))}. Durations are business time.`
            : "Both sides' promises for the period. Durations are business time."
        }
        actions={<PeriodPicker presets={PRESETS} fallback="this_month" />}
      />
      {!range ? (
        <Text c="dimmed">Pick both dates of the custom period.</Text>
      ) : ledger.isError ? (
        <QueryError error={ledger.error} onRetry={() => void ledger.refetch()} />
      ) : !data ? (
        <Skeleton h={420} />
      ) : (
        <Stack gap="xl" style={{ opacity: ledger.isPlaceholderData ? 0.6 : 1 }}>
          <Stack gap="md" data-testid="sales-side">
            <SideTitle hint="Sales accepts or rejects each MQL, then touches accepted leads, within the agreed business time.">Sales side</SideTitle>
            {data.sales.byKind.length === 0 ? <Text fz="sm" c="dimmed">No sales timer in this period.</Text> : <AttainmentCards rows={data.sales.byKind} />}
            <Grid gap="md">
              <Grid.Col span={{ base: 12, xl: 5 }}>
                <TeamAttainmentChart rows={data.sales.byTeam} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, xl: 7 }}>
                <SectionCard title="By rep">
                  <RepAttainmentTable rows={data.sales.byOwner} />
                </SectionCard>
              </Grid.Col>
            </Grid>
          </Stack>
          <Stack gap="md" data-testid="marketing-side">
            <SideTitle hint="Marketing delivers enough MQLs, good enough that sales accepts them, per period and segment.">Marketing side</SideTitle>
            <MarketingTargets targets={data.marketing} />
          </Stack>
          <Stack gap="md">
            <SideTitle hint={`Timers that passed their due time in the period, most overdue first${data.breaches.length >= 200 ? " (only the 200 most overdue are listed)" : ""}. Lateness counts business time.`}>Breaches</SideTitle>
            <BreachTable breaches={data.breaches} />
          </Stack>
        </Stack>
      )}
    </>
  );
}
