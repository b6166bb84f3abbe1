import { Grid, Text } from "@mantine/core";
import { BarChart } from "@mantine/charts";
import { SectionCard } from "../../../components/section-card";
import { formatNumber } from "../../../lib/format";
import type { DigestData } from "../hooks/use-digests";

type Breaches = DigestData["content"]["slaBreaches"];

function Bars({ data, dataKey, color, width }: { data: Record<string, unknown>[]; dataKey: string; color: string; width: number }) {
  return (
    <BarChart
      h={Math.max(120, data.length * 34 + 30)}
      data={data}
      dataKey={dataKey}
      orientation="vertical"
      series={[{ name: "count", label: "Breaches", color }]}
      withBarValueLabel
      valueFormatter={(v) => formatNumber(v)}
      yAxisProps={{ width }}
      gridAxis="x"
    />
  );
}

/** The SLA timers that passed their due time in the week, by kind and by rep, against the week before. */
export function DigestBreaches({ breaches }: { breaches: Breaches }) {
  const delta = breaches.total - breaches.previous;
  return (
    <SectionCard title="SLA breaches" testId="digest-breaches">
      <Text fz="sm" mb="sm">
        <b data-testid="breaches-total">{formatNumber(breaches.total)}</b> breaches this week, {formatNumber(breaches.previous)} the week before
        {delta !== 0 && (
          <Text span fz="sm" fw={600} c={delta > 0 ? "red.7" : "teal.7"}>
            {" "}
            ({delta > 0 ? "+" : ""}
            {formatNumber(delta)})
          </Text>
        )}
        .
      </Text>
      {breaches.total === 0 ? (
        <Text fz="sm" c="dimmed">
          Every SLA timer due this week was met.
        </Text>
      ) : (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 5 }} data-testid="breaches-by-kind">
            <Text fz="xs" fw={600} c="dimmed" tt="uppercase" mb={4}>
              By kind
            </Text>
            <Bars data={breaches.byKind} dataKey="label" color="red.6" width={130} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }} data-testid="breaches-by-rep">
            <Text fz="xs" fw={600} c="dimmed" tt="uppercase" mb={4}>
              By rep
            </Text>
            <Bars data={breaches.byRep.slice(0, 12)} dataKey="name" color="orange.6" width={150} />
            {breaches.byRep.length > 12 && (
              <Text fz="xs" c="dimmed">
                The 12 reps with the most breaches.
              </Text>
            )}
          </Grid.Col>
        </Grid>
      )}
    </SectionCard>
  );
}
