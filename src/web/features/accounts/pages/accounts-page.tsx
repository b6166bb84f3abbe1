import { useMemo } from "react";
import { Anchor, Badge, Button, Group, MultiSelect, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconBuilding, IconPlus } from "@tabler/icons-react";
import { Link, useNavigate } from "react-router";
import { CUSTOMER_STATUSES, type Account } from "../../../../shared/contracts/accounts.js";
import type { Serialized } from "../../../../shared/contracts/common.js";
import { DataTable, type Column } from "../../../components/data-table";
import { EmptyPanel } from "../../../components/empty-panel";
import { MemberSelect } from "../../../components/member-select";
import { PageHeader } from "../../../components/page-header";
import { ExportCsvButton } from "../../../components/export-csv-button";
import { QueryError } from "../../../components/query-error";
import { SearchInput } from "../../../components/search-input";
import { formatNumber, formatRelative, humanize } from "../../../lib/format";
import { codeOptions, customerStatusColor } from "../../../lib/labels";
import { useUrlState } from "../../../lib/use-url-state";
import { useMembers } from "../../users/hooks/use-members";
import { AccountFormModal } from "../components/account-form-modal";
import { useAccounts } from "../hooks/use-accounts";
import { pagingProps } from "../../../lib/use-cursor-list";

type Row = Serialized<Account>;
const FILTER_KEYS = ["q", "industry", "segment", "country", "customerStatus", "ownerId"] as const;

/** The accounts list at /accounts: search, filters, sort and paging kept in the URL. */
export function AccountsPage() {
  const url = useUrlState();
  const navigate = useNavigate();
  const [createOpen, create] = useDisclosure(false);
  const { byId } = useMembers();

  const query = useMemo(() => {
    const q: Record<string, string | string[] | undefined> = { sort: url.get("sort") ?? undefined, limit: "50" };
    for (const k of FILTER_KEYS) q[k] = k === "customerStatus" ? url.getList(k) : (url.get(k) ?? undefined);
    return q;
  }, [url]);
  const list = useAccounts(query);
  const filtered = FILTER_KEYS.some((k) => url.get(k));

  const columns: Column<Row>[] = [
    {
      key: "name",
      header: "Account",
      sortKey: "name",
      render: (a) => (
        <Stack gap={0}>
          <Anchor component={Link} to={`/accounts/${a.id}`} fw={600} fz="sm" truncate display="block" maw={280}>
            {a.name}
          </Anchor>
          <Text fz="xs" c="dimmed">
            {a.domain ?? "no domain"}
          </Text>
        </Stack>
      ),
    },
    { key: "status", header: "Status", render: (a) => <Badge variant="light" color={customerStatusColor(a.customerStatus)}>{humanize(a.customerStatus)}</Badge> },
    { key: "industry", header: "Industry", render: (a) => <Text fz="sm">{a.industry ? humanize(a.industry) : "—"}</Text> },
    { key: "segment", header: "Segment", render: (a) => <Text fz="sm">{a.segment ? humanize(a.segment) : "—"}</Text> },
    { key: "employees", header: "Employees", sortKey: "employees", align: "right", render: (a) => <Text fz="sm">{formatNumber(a.employees)}</Text> },
    { key: "country", header: "Country", render: (a) => <Text fz="sm">{[a.country, a.region].filter(Boolean).join(" · ") || "—"}</Text> },
    { key: "owner", header: "Owner", render: (a) => <Text fz="sm">{(a.ownerId && byId.get(a.ownerId)?.name) ?? "Unassigned"}</Text> },
    { key: "created", header: "Created", sortKey: "createdAt", render: (a) => <Text fz="sm" c="dimmed">{formatRelative(a.createdAt)}</Text> },
  ];

  return (
    <>
      <PageHeader
        title="Accounts"
        description="Companies you sell to and serve: their people, pipeline and what they already own."
        actions={
          <Group gap="xs">
            <ExportCsvButton path="/accounts/export.csv" query={query} />
            <Button leftSection={<IconPlus size={16} />} onClick={create.open}>
              New account
            </Button>
          </Group>
        }
      />
      <Group gap="sm" wrap="wrap" mb="md">
        <SearchInput value={url.get("q") ?? ""} onSearch={(q) => url.set("q", q, { replace: true })} placeholder="Search name or domain…" />
        <MultiSelect aria-label="Customer status" placeholder={url.getList("customerStatus").length ? undefined : "Any status"} data={codeOptions(CUSTOMER_STATUSES)} value={url.getList("customerStatus")} onChange={(v) => url.set("customerStatus", v)} clearable w={220} />
        <SearchInput ariaLabel="Industry" withIcon={false} width={150} placeholder="Industry" value={url.get("industry") ?? ""} onSearch={(v) => url.set("industry", v, { replace: true })} />
        <SearchInput ariaLabel="Segment" withIcon={false} width={150} placeholder="Segment" value={url.get("segment") ?? ""} onSearch={(v) => url.set("segment", v, { replace: true })} />
        <SearchInput ariaLabel="Country" withIcon={false} width={140} placeholder="Country" value={url.get("country") ?? ""} onSearch={(v) => url.set("country", v, { replace: true })} />
        <MemberSelect aria-label="Owner" placeholder="Any owner" value={url.get("ownerId")} onChange={(v) => url.set("ownerId", v)} w={200} />
      </Group>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <DataTable
          testId="accounts-table"
          columns={columns}
          rows={list.items}
          rowKey={(a) => a.id}
          sort={url.get("sort")}
          onSort={(k) => url.toggleSort(k)}
          onRowClick={(a) => navigate(`/accounts/${a.id}`)}
          rowHref={(a) => `/accounts/${a.id}`}
          {...pagingProps(list)}
          footer={list.items.length > 0 ? <Text fz="xs" c="dimmed">{formatNumber(list.items.length)} shown</Text> : null}
          empty={
            filtered ? (
              <EmptyPanel icon={<IconBuilding size={22} />} title="No accounts match" description="Try fewer filters or another search." action={<Button variant="default" size="xs" onClick={() => url.setMany(Object.fromEntries(FILTER_KEYS.map((k) => [k, null])))}>Clear filters</Button>} />
            ) : (
              <EmptyPanel icon={<IconBuilding size={22} />} title="No accounts yet" description="Accounts are created with contacts, imports and the API, or by hand." action={<Button size="xs" onClick={create.open}>New account</Button>} />
            )
          }
        />
      )}
      <AccountFormModal opened={createOpen} onClose={create.close} onSaved={(a) => navigate(`/accounts/${a.id}`)} />
    </>
  );
}
