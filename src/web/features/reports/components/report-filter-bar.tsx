import { Button, Group, Paper, Select, Switch, Text } from "@mantine/core";
import { DatePickerInput } from "@mantine/dates";
import { IconFilterOff } from "@tabler/icons-react";
import { CHANNELS } from "../../../../shared/domain/touchpoints.js";
import { PERIOD_PRESETS, PERIOD_PRESET_LABELS } from "../../../../shared/domain/report-periods.js";
import { CampaignSelect } from "../../../components/campaign-select";
import { MemberSelect } from "../../../components/member-select";
import { SearchInput } from "../../../components/search-input";
import { formatDate } from "../../../lib/format";
import { channelLabel } from "../../../lib/labels";
import { useCampaign } from "../../campaigns/hooks/use-campaigns";
import { useTeams } from "../../settings/hooks/use-users-admin";
import { DEFAULT_PRESET, SCOPE_KEYS, useReportFilters } from "../hooks/report-filters";

const CHANNEL_OPTIONS = CHANNELS.map((c) => ({ value: c, label: channelLabel(c) }));

/** The period and scope every report reads, kept in the URL: period preset or custom days, comparison, and the six scope filters. */
export function ReportFilterBar() {
  const { filters, url } = useReportFilters();
  const teams = useTeams();
  const campaign = useCampaign(filters.scope.campaignId);
  const scoped = SCOPE_KEYS.some((k) => filters.scope[k]);
  return (
    <Paper withBorder radius="md" p="sm" mb="lg" data-testid="report-filters">
      <Group gap="sm" wrap="wrap" align="flex-end">
        <Select
          aria-label="Period"
          w={160}
          allowDeselect={false}
          data={PERIOD_PRESETS.map((p) => ({ value: p, label: PERIOD_PRESET_LABELS[p] }))}
          value={filters.preset}
          onChange={(v) => {
            // Switching to custom dates starts from the period shown, so both pickers are filled.
            const custom = v === "custom" ? filters.range : null;
            url.setMany({ period: v === DEFAULT_PRESET ? null : v, from: custom?.from ?? null, to: custom?.to ?? null });
          }}
        />
        {filters.preset === "custom" && (
          <>
            <DatePickerInput aria-label="From" placeholder="From" valueFormat="MMM D, YYYY" value={filters.custom.from} maxDate={filters.custom.to ?? undefined} onChange={(v) => url.set("from", v)} w={140} />
            <DatePickerInput aria-label="To" placeholder="To (inclusive)" valueFormat="MMM D, YYYY" value={filters.custom.to} minDate={filters.custom.from ?? undefined} onChange={(v) => url.set("to", v)} w={140} />
          </>
        )}
        <Switch
          label="Compare with previous period"
          checked={filters.compare}
          onChange={(e) => url.set("compare", e.currentTarget.checked ? "1" : null)}
          mb={8}
        />
        <SearchInput ariaLabel="Segment" withIcon={false} width={130} placeholder="Segment" value={filters.scope.segment ?? ""} onSearch={(v) => url.set("segment", v, { replace: true })} />
        <SearchInput ariaLabel="Source" withIcon={false} width={130} placeholder="Source" value={filters.scope.source ?? ""} onSearch={(v) => url.set("source", v, { replace: true })} />
        <Select aria-label="Channel" placeholder="Any channel" clearable searchable data={CHANNEL_OPTIONS} value={filters.scope.channel ?? null} onChange={(v) => url.set("channel", v)} w={150} />
        <CampaignSelect aria-label="Campaign" placeholder="Any campaign" value={filters.scope.campaignId ?? null} valueLabel={campaign.data?.name} onChange={(v) => url.set("campaignId", v)} w={210} />
        <Select
          aria-label="Team"
          placeholder="Any team"
          clearable
          data={(teams.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
          value={filters.scope.teamId ?? null}
          onChange={(v) => url.set("teamId", v)}
          w={140}
        />
        <MemberSelect aria-label="Rep" placeholder="Any rep" roles={["sales", "sdr", "manager"]} value={filters.scope.repId ?? null} onChange={(v) => url.set("repId", v)} w={200} />
        {scoped && (
          <Button variant="subtle" color="gray" size="xs" mb={6} leftSection={<IconFilterOff size={14} />} onClick={() => url.setMany(Object.fromEntries(SCOPE_KEYS.map((k) => [k, null])))}>
            Clear filters
          </Button>
        )}
      </Group>
      <Text fz="xs" c="dimmed" mt={6} data-testid="report-period">
        {filters.range
          ? `${formatDate(filters.range.from)} – ${formatDate(filters.range.to)}${filters.previous ? `, compared with ${formatDate(filters.previous.from)} – ${formatDate(filters.previous.to)}` : ""}`
          : "Pick both dates of the custom period."}
      </Text>
    </Paper>
  );
}
