import { useMemo } from "react";
import { Anchor, Badge, Button, Group, MultiSelect, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconPlus, IconSpeakerphone } from "@tabler/icons-react";
import { Link, useNavigate } from "react-router";
import { CAMPAIGN_STATUSES, type Campaign } from "../../../../shared/contracts/campaigns.js";
import type { Serialized } from "../../../../shared/contracts/common.js";
import { CHANNELS } from "../../../../shared/domain/touchpoints.js";
import { DataTable, type Column } from "../../../components/data-table";
import { EmptyPanel } from "../../../components/empty-panel";
import { PageHeader } from "../../../components/page-header";
import { QueryError } from "../../../components/query-error";
import { SearchInput } from "../../../components/search-input";
import { formatDate, formatNumber, humanize } from "../../../lib/format";
import { campaignStatusColor, codeOptions } from "../../../lib/labels";
import { useAbilities, useMoney } from "../../../lib/session";
import { useUrlState } from "../../../lib/use-url-state";
import { useMembers } from "../../users/hooks/use-members";
import { BudgetBar } from "../components/budget-bar";
import { CampaignFormModal } from "../components/campaign-form-modal";
import { useCampaigns } from "../hooks/use-campaigns";
import { pagingProps } from "../../../lib/use-cursor-list";
import { ExportCsvButton } from "../../../components/export-csv-button";

type Row = Serialized<Campaign>;
const FILTER_KEYS = ["q", "channel", "status"] as const;

/** The campaigns list at /campaigns: search, channel and status filters, sort and paging in the URL. */
export function CampaignsPage() {
  const url = useUrlState();
  const navigate = useNavigate();
  const money = useMoney();
  const can = useAbilities();
  const { byId } = useMembers();
  const [createOpen, create] = useDisclosure(false);

  const query = useMemo(
    () => ({ q: url.get("q") ?? undefined, channel: url.getList("channel"), status: url.getList("status"), sort: url.get("sort") ?? undefined, limit: "50" }),
    [url],
  );
  const list = useCampaigns(query);
  const filtered = FILTER_KEYS.some((k) => url.get(k));

  const columns: Column<Row>[] = [
    {
      key: "name",
      header: "Campaign",
      sortKey: "name",
      render: (c) => (
        <Stack gap={0}>
          <Anchor component={Link} to={`/campaigns/${c.id}`} fw={600} fz="sm" truncate display="block" maw={300}>
            {c.name}
          </Anchor>
          <Text fz="xs" c="dimmed">
            {c.vehicle ?? (c.targetPersonas.length ? `for ${c.targetPersonas.join(", ")}` : "—")}
          </Text>
        </Stack>
      ),
    },
    { key: "channel", header: "Channel", render: (c) => <Text fz="sm">{humanize(c.channel)}</Text> },
    { key: "status", header: "Status", render: (c) => <Badge variant="light" color={campaignStatusColor(c.status)}>{humanize(c.status)}</Badge> },
    { key: "dates", header: "Dates", sortKey: "startsOn", render: (c) => <Text fz="sm" c="dimmed">{c.startsOn ? `${formatDate(c.startsOn)} – ${c.endsOn ? formatDate(c.endsOn) : "ongoing"}` : "not scheduled"}</Text> },
    { key: "budget", header: "Budget", align: "right", render: (c) => <Text fz="sm">{money(c.budget)}</Text> },
    { key: "actual", header: "Actual cost", sortKey: "actualCost", align: "right", render: (c) => <Text fz="sm" fw={500}>{money(c.actualCost)}</Text> },
    { key: "used", header: "Spent", width: 120, render: (c) => <BudgetBar budget={c.budget} actual={c.actualCost} /> },
    { key: "owner", header: "Owner", render: (c) => <Text fz="sm">{(c.ownerId && byId.get(c.ownerId)?.name) ?? "—"}</Text> },
  ];

  return (
    <>
      <PageHeader
        title="Campaigns"
        description="Marketing vehicles with their cost, and what they produced: accepted leads, pipeline and revenue."
        actions={
          <Group gap="xs">
            <ExportCsvButton path="/campaigns/export.csv" query={query} />
            {can.canEditCampaigns && (
              <Button leftSection={<IconPlus size={16} />} onClick={create.open}>
                New campaign
              </Button>
            )}
          </Group>
        }
      />
      <Group gap="sm" wrap="wrap" mb="md">
        <SearchInput value={url.get("q") ?? ""} onSearch={(q) => url.set("q", q, { replace: true })} placeholder="Search campaigns…" />
        <MultiSelect aria-label="Channel" placeholder={url.getList("channel").length ? undefined : "Any channel"} data={codeOptions(CHANNELS)} value={url.getList("channel")} onChange={(v) => url.set("channel", v)} clearable w={240} />
        <MultiSelect aria-label="Status" placeholder={url.getList("status").length ? undefined : "Any status"} data={codeOptions(CAMPAIGN_STATUSES)} value={url.getList("status")} onChange={(v) => url.set("status", v)} clearable w={200} />
      </Group>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <DataTable
          testId="campaigns-table"
          columns={columns}
          rows={list.items}
          rowKey={(c) => c.id}
          sort={url.get("sort")}
          onSort={(k) => url.toggleSort(k)}
          onRowClick={(c) => navigate(`/campaigns/${c.id}`)}
          rowHref={(c) => `/campaigns/${c.id}`}
          {...pagingProps(list)}
          footer={list.items.length > 0 ? <Text fz="xs" c="dimmed">{formatNumber(list.items.length)} shown</Text> : null}
          empty={
            filtered ? (
              <EmptyPanel icon={<IconSpeakerphone size={22} />} title="No campaigns match" description="Try fewer filters or another search." action={<Button variant="default" size="xs" onClick={() => url.setMany({ q: null, channel: null, status: null })}>Clear filters</Button>} />
            ) : (
              <EmptyPanel icon={<IconSpeakerphone size={22} />} title="No campaigns yet" description="Create a campaign to track its cost and what it sources." action={can.canEditCampaigns ? <Button size="xs" onClick={create.open}>New campaign</Button> : undefined} />
            )
          }
        />
      )}
      <CampaignFormModal opened={createOpen} onClose={create.close} onSaved={(c) => navigate(`/campaigns/${c.id}`)} />
    </>
  );
}
