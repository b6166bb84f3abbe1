import { useMemo } from "react";
import { Anchor, Badge, Button, Group, MultiSelect, SegmentedControl, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconCoin, IconPlus } from "@tabler/icons-react";
import { Link, useNavigate } from "react-router";
import type { DealListItem } from "../../../../shared/contracts/deals.js";
import type { Serialized } from "../../../../shared/contracts/common.js";
import { DEAL_OUTCOMES, DEAL_STAGES, DEAL_TYPES } from "../../../../shared/domain/deals.js";
import { DataTable, type Column } from "../../../components/data-table";
import { DealStageBadge } from "../../../components/deal-stage-badge";
import { EmptyPanel } from "../../../components/empty-panel";
import { MemberSelect } from "../../../components/member-select";
import { PageHeader } from "../../../components/page-header";
import { ExportCsvButton } from "../../../components/export-csv-button";
import { QueryError } from "../../../components/query-error";
import { SearchInput } from "../../../components/search-input";
import { formatDate, formatNumber, formatRelative, humanize } from "../../../lib/format";
import { codeOptions, dealStageLabel } from "../../../lib/labels";
import { useAbilities, useMoney } from "../../../lib/session";
import { useUrlState } from "../../../lib/use-url-state";
import { DealFormModal } from "../components/deal-form-modal";
import { useDeals } from "../hooks/use-deals";
import { pagingProps } from "../../../lib/use-cursor-list";

type Row = Serialized<DealListItem>;
const FILTER_KEYS = ["q", "stage", "type", "outcome", "ownerId", "accountId", "open"] as const;
const LIST_KEYS = new Set(["stage", "type", "outcome"]);
const OUTCOME_COLORS: Record<string, string> = { won: "green", lost: "red", no_decision: "yellow" };

/** The deals list at /deals: search, stage/type/outcome filters, open/closed switch, sort and paging in the URL. */
export function DealsPage() {
  const url = useUrlState();
  const navigate = useNavigate();
  const money = useMoney();
  const can = useAbilities();
  const [createOpen, create] = useDisclosure(false);

  const query = useMemo(() => {
    const q: Record<string, string | string[] | undefined> = { sort: url.get("sort") ?? undefined, limit: "50" };
    for (const k of FILTER_KEYS) q[k] = LIST_KEYS.has(k) ? url.getList(k) : (url.get(k) ?? undefined);
    return q;
  }, [url]);
  const list = useDeals(query);
  const filtered = FILTER_KEYS.some((k) => url.get(k));
  const total = list.items.reduce((sum, d) => sum + d.amount, 0);

  const columns: Column<Row>[] = [
    {
      key: "name",
      header: "Deal",
      sortKey: "name",
      render: (d) => (
        <Stack gap={0}>
          <Anchor component={Link} to={`/deals/${d.id}`} fw={600} fz="sm" truncate display="block" maw={300}>
            {d.name}
          </Anchor>
          <Text fz="xs" c="dimmed" truncate maw={300}>
            <Anchor component={Link} to={`/accounts/${d.accountId}`} fz="xs" c="dimmed">
              {d.accountName}
            </Anchor>
            {` · ${humanize(d.type)}`}
          </Text>
        </Stack>
      ),
    },
    {
      key: "stage",
      header: "Stage",
      render: (d) => (
        <Group gap={6} wrap="nowrap">
          <DealStageBadge stage={d.stage} />
          {d.outcome && d.outcome !== "won" && <Badge size="xs" variant="outline" color={OUTCOME_COLORS[d.outcome]}>{humanize(d.outcome)}</Badge>}
        </Group>
      ),
    },
    { key: "amount", header: "Amount", sortKey: "amount", align: "right", render: (d) => <Text fz="sm" fw={500}>{money(d.amount, { currency: d.currency })}</Text> },
    { key: "owner", header: "Owner", render: (d) => <Text fz="sm">{d.ownerName ?? "Unassigned"}</Text> },
    {
      key: "close",
      header: "Close date",
      sortKey: url.get("open") === "false" ? "closedAt" : "expectedCloseAt",
      render: (d) => (
        <Text fz="sm" c="dimmed">
          {d.closedAt ? `closed ${formatDate(d.closedAt)}` : formatDate(d.expectedCloseAt)}
        </Text>
      ),
    },
    { key: "created", header: "Created", sortKey: "createdAt", render: (d) => <Text fz="sm" c="dimmed">{formatRelative(d.createdAt)}</Text> },
  ];

  return (
    <>
      <PageHeader
        title="Deals"
        description="Pipeline and closed business, with the reasons behind every win, loss and no-decision."
        actions={
          <Group gap="xs">
            <ExportCsvButton path="/deals/export.csv" query={query} />
            {can.canEditDeals && (
              <Button leftSection={<IconPlus size={16} />} onClick={create.open}>
                New deal
              </Button>
            )}
          </Group>
        }
      />
      <Group gap="sm" wrap="wrap" mb="md">
        <SegmentedControl
          aria-label="Open or closed"
          value={url.get("open") ?? "all"}
          onChange={(v) => url.set("open", v === "all" ? null : v)}
          data={[
            { value: "all", label: "All" },
            { value: "true", label: "Open" },
            { value: "false", label: "Closed" },
          ]}
        />
        <SearchInput value={url.get("q") ?? ""} onSearch={(q) => url.set("q", q, { replace: true })} placeholder="Search deal or account…" width={220} />
        <MultiSelect aria-label="Stage" placeholder={url.getList("stage").length ? undefined : "Any stage"} data={codeOptions(DEAL_STAGES, dealStageLabel)} value={url.getList("stage")} onChange={(v) => url.set("stage", v)} clearable w={170} />
        <MultiSelect aria-label="Type" placeholder={url.getList("type").length ? undefined : "Any type"} data={codeOptions(DEAL_TYPES)} value={url.getList("type")} onChange={(v) => url.set("type", v)} clearable w={140} />
        <MultiSelect aria-label="Outcome" placeholder={url.getList("outcome").length ? undefined : "Any outcome"} data={codeOptions(DEAL_OUTCOMES)} value={url.getList("outcome")} onChange={(v) => url.set("outcome", v)} clearable w={150} />
        <MemberSelect aria-label="Owner" placeholder="Any owner" value={url.get("ownerId")} onChange={(v) => url.set("ownerId", v)} w={170} />
      </Group>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <DataTable
          testId="deals-table"
          columns={columns}
          rows={list.items}
          rowKey={(d) => d.id}
          sort={url.get("sort")}
          onSort={(k) => url.toggleSort(k)}
          onRowClick={(d) => navigate(`/deals/${d.id}`)}
          rowHref={(d) => `/deals/${d.id}`}
          {...pagingProps(list)}
          footer={list.items.length > 0 ? <Text fz="xs" c="dimmed">{formatNumber(list.items.length)} shown · {money(total)} total</Text> : null}
          empty={
            filtered ? (
              <EmptyPanel icon={<IconCoin size={22} />} title="No deals match" description="Try fewer filters or another search." action={<Button variant="default" size="xs" onClick={() => url.setMany(Object.fromEntries(FILTER_KEYS.map((k) => [k, null])))}>Clear filters</Button>} />
            ) : (
              <EmptyPanel icon={<IconCoin size={22} />} title="No deals yet" description="Deals are opened from qualified leads and accounts." />
            )
          }
        />
      )}
      <DealFormModal opened={createOpen} onClose={create.close} onSaved={(d) => navigate(`/deals/${d.id}`)} />
    </>
  );
}
