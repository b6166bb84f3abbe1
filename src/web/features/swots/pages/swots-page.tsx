import { Anchor, Badge, Group, Pagination, SegmentedControl, Select, Stack, Text } from "@mantine/core";
import { IconLayoutGrid } from "@tabler/icons-react";
import { Link, useNavigate } from "react-router";
import type { Serialized } from "../../../../shared/contracts/common.js";
import { SWOT_STATUSES, type Swot } from "../../../../shared/contracts/enablement-swots.js";
import { DataTable, type Column } from "../../../components/data-table";
import { EmptyPanel } from "../../../components/empty-panel";
import { MemberSelect } from "../../../components/member-select";
import { PageHeader } from "../../../components/page-header";
import { QueryError } from "../../../components/query-error";
import { formatDate, humanize } from "../../../lib/format";
import { useUrlState } from "../../../lib/use-url-state";
import { useSwotList } from "../hooks/use-swots";

type Row = Serialized<Swot>;
const PAGE = 50;
const FILTER_KEYS = ["subject", "status", "ownerId", "page"] as const;

/** Where a SWOT is shown: its campaign's or deal's page, scrolled to the SWOT panel with this SWOT open. */
export function swotHref(s: Pick<Row, "id" | "subject">): string {
  return `/${s.subject.kind}s/${s.subject.id}?swot=${s.id}#swot`;
}

const count = (s: Row) => s.strengths.length + s.weaknesses.length + s.opportunities.length + s.threats.length;

const COLUMNS: Column<Row>[] = [
  { key: "title", header: "SWOT", render: (s) => <Anchor component={Link} to={swotHref(s)} fz="sm" fw={600} onClick={(e) => e.stopPropagation()}>{s.title}</Anchor> },
  {
    key: "subject",
    header: "Attached to",
    render: (s) => (
      <Group gap={6} wrap="nowrap">
        <Badge size="sm" variant="light" color={s.subject.kind === "campaign" ? "grape" : "blue"}>{s.subject.kind === "campaign" ? "Campaign" : "Deal"}</Badge>
        <Anchor component={Link} to={`/${s.subject.kind}s/${s.subject.id}`} fz="sm" truncate maw={300} onClick={(e) => e.stopPropagation()}>{s.subject.name || "—"}</Anchor>
      </Group>
    ),
  },
  { key: "points", header: "Points", align: "right", render: (s) => count(s) },
  { key: "owner", header: "Owner", render: (s) => s.ownerName ?? <Text c="dimmed" fz="sm">No owner</Text> },
  { key: "status", header: "Status", render: (s) => <Badge variant="light" color={s.status === "final" ? "teal" : s.status === "archived" ? "orange" : "gray"}>{humanize(s.status)}</Badge> },
  { key: "analysed", header: "Analysed", render: (s) => formatDate(s.analysedOn) },
  { key: "updated", header: "Updated", render: (s) => formatDate(s.updatedAt) },
];

/** Every SWOT at /swots: what each is attached to (campaign or deal), owner, status and dates; opens on its subject's page. */
export function SwotsPage() {
  const url = useUrlState();
  const navigate = useNavigate();
  const page = Math.max(1, Number(url.get("page") ?? 1) || 1);
  const query = { subject: url.get("subject") ?? undefined, status: url.get("status") ?? undefined, ownerId: url.get("ownerId") ?? undefined, limit: String(PAGE), offset: String((page - 1) * PAGE) };
  const list = useSwotList(query);
  const filtered = FILTER_KEYS.some((k) => k !== "page" && url.get(k));
  const total = list.data?.total ?? 0;
  const filter = (key: string, value: string | null) => url.setMany({ [key]: value, page: null });
  return (
    <>
      <PageHeader
        title="SWOT analyses"
        description="Strengths, weaknesses, opportunities and threats of campaigns (beside their measured results, written by marketing) and of deals' proposals (written by the deal team). Write one from its campaign or deal page."
      />
      <Stack gap="md">
        <Group gap="sm" align="flex-end" data-testid="swot-filters">
          <SegmentedControl
            data={[{ value: "", label: "All" }, { value: "campaign", label: "Campaigns" }, { value: "deal", label: "Deals" }]}
            value={url.get("subject") ?? ""}
            onChange={(v) => filter("subject", v || null)}
            data-testid="filter-subject"
          />
          <Select aria-label="Status" placeholder="Any status" clearable data={SWOT_STATUSES.map((s) => ({ value: s, label: humanize(s) }))} value={url.get("status")} onChange={(v) => filter("status", v)} w={160} data-testid="filter-status" />
          <MemberSelect aria-label="Owner" placeholder="Any owner" value={url.get("ownerId")} onChange={(v) => filter("ownerId", v)} w={240} data-testid="filter-owner" />
        </Group>
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <DataTable
            columns={COLUMNS}
            rows={list.data?.items ?? []}
            rowKey={(s) => s.id}
            loading={list.isLoading}
            onRowClick={(s) => void navigate(swotHref(s))}
            rowHref={swotHref}
            testId="swots-table"
            empty={
              filtered ? (
                <EmptyPanel title="No SWOT matches these filters" description="Clear a filter to see more." />
              ) : (
                <EmptyPanel icon={<IconLayoutGrid size={22} />} title="No SWOT analyses yet" description="Open a campaign (marketing) or a deal (its team) and choose “Write SWOT” in its SWOT panel." />
              )
            }
          />
        )}
        {total > 0 && (
          <Group justify="space-between">
            <Text fz="sm" c="dimmed" data-testid="swot-count">{total} {total === 1 ? "SWOT" : "SWOTs"}</Text>
            {total > PAGE && <Pagination total={Math.ceil(total / PAGE)} value={page} onChange={(p) => url.set("page", p === 1 ? null : String(p))} size="sm" />}
          </Group>
        )}
      </Stack>
    </>
  );
}
