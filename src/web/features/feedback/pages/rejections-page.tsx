import { Paper, SegmentedControl, SimpleGrid, Skeleton, Stack, Text, Title } from "@mantine/core";
import { IconThumbDown } from "@tabler/icons-react";
import { useNavigate } from "react-router";
import { EmptyPanel } from "../../../components/empty-panel";
import { PageHeader } from "../../../components/page-header";
import { QueryError } from "../../../components/query-error";
import { formatDate } from "../../../lib/format";
import { notifyError } from "../../../lib/notify";
import { useAbilities } from "../../../lib/session";
import { PeriodPicker, usePeriod } from "../../sla/components/period-picker";
import { addDays, type PeriodPreset } from "../../sla/hooks/periods";
import { RejectionsTable } from "../components/rejections-table";
import { SuggestionCard } from "../components/suggestion-card";
import { useDraftFromSuggestion, useRejections, useSuggestions, type GroupBy } from "../hooks/use-rejections";
import { ExportCsvButton } from "../../../components/export-csv-button";

const PRESETS: PeriodPreset[] = ["last_90", "last_30", "this_month", "last_month", "this_quarter", "custom"];

/** Rejections at /feedback: why sales rejects MQLs per campaign or source, and the fit rules that would stop them. */
export function RejectionsPage() {
  const can = useAbilities();
  const navigate = useNavigate();
  const { range, preset, url } = usePeriod(PRESETS, "last_90");
  const by: GroupBy = url.get("by") === "source" ? "source" : "campaign";
  // The API's default period is the last 90 days: send nothing for it so the numbers match its own default.
  const period = preset === "last_90" ? null : range;
  const waiting = preset === "custom" && !range;
  const rejections = useRejections(by, period);
  const suggestions = useSuggestions(by, period);
  const draft = useDraftFromSuggestion();
  const data = rejections.data;

  const createDraft = (key: string) =>
    draft.mutate(
      { key, from: period?.from, to: period?.to },
      { onSuccess: (d) => navigate(`/agreement/${d.definitionId}`), onError: (err) => notifyError(err, "Could not draft the rule") },
    );

  return (
    <>
      <PageHeader
        title="Rejections"
        description={
          data
            ? `Why sales rejected MQLs from ${formatDate(data.from)} to ${formatDate(addDays(data.to, -1))}, per ${by}. Recurring reasons become proposed fit rules.`
            : "Why sales rejects MQLs, per campaign or source. Recurring reasons become proposed fit rules."
        }
        actions={
          <>
            <SegmentedControl
              value={by}
              onChange={(v) => url.set("by", v === "campaign" ? null : v)}
              data={[
                { value: "campaign", label: "By campaign" },
                { value: "source", label: "By source" },
              ]}
            />
            <PeriodPicker presets={PRESETS} fallback="last_90" />
            <ExportCsvButton path="/feedback/rejections/export.csv" query={{ by, from: period?.from, to: period?.to }} />
          </>
        }
      />
      {waiting ? (
        <Text c="dimmed">Pick both dates of the custom period.</Text>
      ) : rejections.isError ? (
        <QueryError error={rejections.error} onRetry={() => void rejections.refetch()} />
      ) : !data ? (
        <Skeleton h={360} />
      ) : (
        <Stack gap="lg">
          <Stack gap="xs" data-testid="suggestions">
            <Title order={3} fz="md" fw={650}>
              Suggested fit rules
            </Title>
            {suggestions.isError ? (
              <QueryError error={suggestions.error} onRetry={() => void suggestions.refetch()} />
            ) : !suggestions.data ? (
              <Skeleton h={120} />
            ) : suggestions.data.length === 0 ? (
              <Text fz="sm" c="dimmed">
                No reason recurs enough, with a pattern accepted leads don&apos;t share, to suggest a rule.
              </Text>
            ) : (
              <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
                {suggestions.data.map((s) => (
                  <SuggestionCard key={s.key} suggestion={s} canDraft={can.canDraftDefinitions} drafting={draft.isPending && draft.variables?.key === s.key} onDraft={() => createDraft(s.key)} />
                ))}
              </SimpleGrid>
            )}
          </Stack>
          {data.groups.length === 0 ? (
            <Paper withBorder radius="md" p="xl">
              <EmptyPanel icon={<IconThumbDown size={22} />} title="No decided MQLs" description="No MQL was accepted or rejected in this period." />
            </Paper>
          ) : (
            <RejectionsTable groups={data.groups} by={by} />
          )}
        </Stack>
      )}
    </>
  );
}
