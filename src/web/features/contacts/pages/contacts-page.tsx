import { useMemo } from "react";
import { Anchor, Button, Group, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconPlus, IconUsers } from "@tabler/icons-react";
import { Link, useNavigate } from "react-router";
import type { ContactListItem } from "../../../../shared/contracts/contacts.js";
import type { Serialized } from "../../../../shared/contracts/common.js";
import { DataTable, type Column } from "../../../components/data-table";
import { EmptyPanel } from "../../../components/empty-panel";
import { FitGradeBadge } from "../../../components/fit-grade-badge";
import { PageHeader } from "../../../components/page-header";
import { ExportCsvButton } from "../../../components/export-csv-button";
import { QueryError } from "../../../components/query-error";
import { StageBadge } from "../../../components/stage-badge";
import { formatDecimal, formatNumber, formatRelative, personName } from "../../../lib/format";
import { useUrlState } from "../../../lib/use-url-state";
import { useMembers } from "../../users/hooks/use-members";
import { ContactFilters } from "../components/contact-filters";
import { ContactFormModal } from "../components/contact-form-modal";
import { useContacts } from "../hooks/use-contacts";
import { pagingProps } from "../../../lib/use-cursor-list";

type Row = Serialized<ContactListItem>;
const FILTER_KEYS = ["q", "stage", "fitGrade", "ownerId", "sdrId", "persona", "source", "accountId"] as const;

/** The contacts (leads) list at /contacts: search, filters, sort and paging kept in the URL. */
export function ContactsPage() {
  const url = useUrlState();
  const navigate = useNavigate();
  const [createOpen, create] = useDisclosure(false);
  const { byId } = useMembers();

  const query = useMemo(() => {
    const q: Record<string, string | string[] | undefined> = { sort: url.get("sort") ?? undefined, limit: "50" };
    for (const k of FILTER_KEYS) q[k] = k === "stage" || k === "fitGrade" ? url.getList(k) : (url.get(k) ?? undefined);
    return q;
  }, [url]);
  const list = useContacts(query);
  const filtered = FILTER_KEYS.some((k) => url.get(k));

  const columns: Column<Row>[] = [
    {
      key: "name",
      header: "Name",
      sortKey: "lastName",
      render: (c) => (
        <Stack gap={0}>
          <Anchor component={Link} to={`/contacts/${c.id}`} fw={600} fz="sm" truncate display="block" maw={260}>
            {personName(c)}
          </Anchor>
          <Text fz="xs" c="dimmed" truncate maw={220}>
            {[c.title, c.email].filter(Boolean).join(" · ") || "—"}
          </Text>
        </Stack>
      ),
    },
    { key: "account", header: "Account", render: (c) => (c.accountId ? <Anchor component={Link} to={`/accounts/${c.accountId}`} fz="sm" c="var(--mantine-color-text)" truncate display="block" maw={180}>{c.accountName ?? "—"}</Anchor> : <Text fz="sm" c="dimmed">—</Text>) },
    { key: "stage", header: "Stage", sortKey: "stageEnteredAt", render: (c) => <Group gap={6} wrap="nowrap"><StageBadge stage={c.stage} /><Text fz="xs" c="dimmed">{formatRelative(c.stageEnteredAt)}</Text></Group> },
    { key: "fit", header: "Fit", sortKey: "fitPoints", render: (c) => <FitGradeBadge grade={c.fitGrade} points={c.fitPoints} />, width: 70 },
    { key: "engagement", header: "Engagement", sortKey: "engagementScore", render: (c) => <Text fz="sm">{formatDecimal(c.engagementScore)}</Text>, width: 120, align: "right" },
    { key: "owner", header: "Owner", render: (c) => <Text fz="sm">{(c.ownerId && byId.get(c.ownerId)?.name) ?? "Unassigned"}</Text> },
    { key: "source", header: "Source", render: (c) => <Text fz="sm" c={c.source ? undefined : "dimmed"}>{c.source ?? "—"}</Text> },
    { key: "created", header: "Created", sortKey: "createdAt", render: (c) => <Text fz="sm" c="dimmed">{formatRelative(c.createdAt)}</Text> },
  ];

  return (
    <>
      <PageHeader
        title="Contacts & leads"
        description="Everyone in the shared funnel, from subscriber to customer, with fit and engagement."
        actions={
          <Group gap="xs">
            <ExportCsvButton path="/contacts/export.csv" query={query} />
            <Button leftSection={<IconPlus size={16} />} onClick={create.open}>
              New contact
            </Button>
          </Group>
        }
      />
      <ContactFilters url={url} />
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <DataTable
          testId="contacts-table"
          columns={columns}
          rows={list.items}
          rowKey={(c) => c.id}
          sort={url.get("sort")}
          onSort={(k) => url.toggleSort(k)}
          onRowClick={(c) => navigate(`/contacts/${c.id}`)}
          rowHref={(c) => `/contacts/${c.id}`}
          {...pagingProps(list)}
          footer={list.items.length > 0 ? <Text fz="xs" c="dimmed">{formatNumber(list.items.length)} shown</Text> : null}
          empty={
            filtered ? (
              <EmptyPanel icon={<IconUsers size={22} />} title="No contacts match" description="Try fewer filters or another search." action={<Button variant="default" size="xs" onClick={() => url.setMany(Object.fromEntries(FILTER_KEYS.map((k) => [k, null])))}>Clear filters</Button>} />
            ) : (
              <EmptyPanel icon={<IconUsers size={22} />} title="No contacts yet" description="Contacts arrive from forms, imports and the API, or add one by hand." action={<Button size="xs" onClick={create.open}>New contact</Button>} />
            )
          }
        />
      )}
      <ContactFormModal opened={createOpen} onClose={create.close} onSaved={(c) => navigate(`/contacts/${c.id}`)} />
    </>
  );
}
