import { useMemo } from "react";
import { Anchor, Badge, Button, Group, MultiSelect, SegmentedControl, Text } from "@mantine/core";
import { DatePickerInput } from "@mantine/dates";
import { IconActivity } from "@tabler/icons-react";
import { Link } from "react-router";
import type { Serialized } from "../../../../shared/contracts/common.js";
import type { TouchpointListItem } from "../../../../shared/contracts/touchpoints.js";
import { TOUCHPOINT_TYPES } from "../../../../shared/domain/touchpoints.js";
import { CampaignSelect } from "../../../components/campaign-select";
import { DataTable, type Column } from "../../../components/data-table";
import { EmptyPanel } from "../../../components/empty-panel";
import { PageHeader } from "../../../components/page-header";
import { QueryError } from "../../../components/query-error";
import { TouchpointIcon } from "../../../components/touchpoint-icon";
import { dateToIso } from "../../../lib/dates";
import { formatDateTime, formatNumber, humanize } from "../../../lib/format";
import { touchpointDetail, touchpointTypeLabel } from "../../../lib/touchpoint-labels";
import { useUrlState } from "../../../lib/use-url-state";
import { TouchpointDrawer } from "../components/touchpoint-drawer";
import { useTouchpoints } from "../hooks/use-touchpoints";
import { pagingProps } from "../../../lib/use-cursor-list";
import { ExportCsvButton } from "../../../components/export-csv-button";

type Row = Serialized<TouchpointListItem>;
const FILTER_KEYS = ["category", "type", "campaignId", "contactId", "accountId", "from", "to"] as const;
const TYPE_OPTIONS = TOUCHPOINT_TYPES.map((t) => ({ value: t, label: touchpointTypeLabel(t) }));

function nextDay(date: string | null): string | null {
  if (!date) return null;
  const d = new Date(`${date}T00:00:00`);
  d.setDate(d.getDate() + 1);
  return d.toISOString();
}

/** The activity log at /activity: every marketing touch and sales activity, filtered by kind, type, campaign and date. */
export function ActivityPage() {
  const url = useUrlState();
  const query = useMemo(
    () => ({
      category: url.get("category") ?? undefined,
      type: url.getList("type"),
      campaignId: url.get("campaignId") ?? undefined,
      contactId: url.get("contactId") ?? undefined,
      accountId: url.get("accountId") ?? undefined,
      from: dateToIso(url.get("from")) ?? undefined,
      to: nextDay(url.get("to")) ?? undefined,
      sort: url.get("sort") ?? "-occurredAt",
      limit: "50",
    }),
    [url],
  );
  const list = useTouchpoints(query);
  const filtered = FILTER_KEYS.some((k) => url.get(k));

  const columns: Column<Row>[] = [
    { key: "when", header: "When", sortKey: "occurredAt", width: 190, render: (t) => <Text fz="sm">{formatDateTime(t.occurredAt)}</Text> },
    {
      key: "type",
      header: "Activity",
      render: (t) => (
        <Group gap="sm" wrap="nowrap">
          <TouchpointIcon type={t.type} size={24} />
          <div style={{ minWidth: 0 }}>
            <Text fz="sm" fw={500}>
              {touchpointTypeLabel(t.type)}
            </Text>
            <Text fz="xs" c="dimmed" truncate maw={360}>
              {touchpointDetail(t.properties) ?? ""}
            </Text>
          </div>
        </Group>
      ),
    },
    { key: "category", header: "Side", render: (t) => <Badge variant="light" color={t.category === "sales" ? "green" : "blue"}>{t.category}</Badge> },
    { key: "channel", header: "Channel", render: (t) => <Text fz="sm">{t.channel ? humanize(t.channel) : "—"}</Text> },
    {
      key: "links",
      header: "Related",
      render: (t) => (
        <Group gap="xs">
          {t.contactId && <Anchor component={Link} to={`/contacts/${t.contactId}`} fz="xs">{t.contactName ?? "Contact"}</Anchor>}
          {t.accountId && <Anchor component={Link} to={`/accounts/${t.accountId}`} fz="xs">{t.accountName ?? "Account"}</Anchor>}
          {t.campaignId && <Anchor component={Link} to={`/campaigns/${t.campaignId}`} fz="xs">{t.campaignName ?? "Campaign"}</Anchor>}
        </Group>
      ),
    },
    { key: "source", header: "Source", render: (t) => <Text fz="xs" c="dimmed">{t.source}</Text> },
  ];

  return (
    <>
      <PageHeader title="Activity" description="The append-only log of engagement and sales activity: every email, page view, webinar, call and meeting." actions={<ExportCsvButton path="/touchpoints/export.csv" query={query} />} />
      <Group gap="sm" wrap="wrap" mb="md">
        <SegmentedControl
          aria-label="Side"
          value={url.get("category") ?? "all"}
          onChange={(v) => url.set("category", v === "all" ? null : v)}
          data={[
            { value: "all", label: "All" },
            { value: "marketing", label: "Marketing" },
            { value: "sales", label: "Sales" },
          ]}
        />
        <MultiSelect aria-label="Type" placeholder={url.getList("type").length ? undefined : "Any type"} data={TYPE_OPTIONS} value={url.getList("type")} onChange={(v) => url.set("type", v)} clearable searchable w={260} />
        <CampaignSelect aria-label="Campaign" placeholder="Any campaign" value={url.get("campaignId")} onChange={(v) => url.set("campaignId", v)} w={240} />
        <DatePickerInput aria-label="From" placeholder="From" clearable valueFormat="MMM D, YYYY" value={url.get("from")} onChange={(v) => url.set("from", v)} w={150} />
        <DatePickerInput aria-label="To" placeholder="To" clearable valueFormat="MMM D, YYYY" value={url.get("to")} onChange={(v) => url.set("to", v)} w={150} />
        {(url.get("contactId") || url.get("accountId")) && (
          <Button variant="light" size="xs" onClick={() => url.setMany({ contactId: null, accountId: null })}>
            Showing one {url.get("contactId") ? "contact" : "account"} · clear
          </Button>
        )}
      </Group>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <DataTable
          testId="activity-table"
          columns={columns}
          rows={list.items}
          rowKey={(t) => t.id}
          sort={url.get("sort") ?? "-occurredAt"}
          onSort={(k) => url.toggleSort(k, "-occurredAt")}
          onRowClick={(t) => url.set("open", t.id)}
          {...pagingProps(list)}
          footer={list.items.length > 0 ? <Text fz="xs" c="dimmed">{formatNumber(list.items.length)} shown</Text> : null}
          empty={<EmptyPanel icon={<IconActivity size={22} />} title={filtered ? "No activity matches" : "No activity yet"} description={filtered ? "Try fewer filters or a wider date range." : "Touchpoints arrive from the tracking snippet, forms, the ingest API and logged sales activity."} />}
        />
      )}
      <TouchpointDrawer id={url.get("open")} onClose={() => url.set("open", null)} />
    </>
  );
}
