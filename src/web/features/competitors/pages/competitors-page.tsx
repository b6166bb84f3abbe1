import { useState } from "react";
import { Badge, Button, Modal, Stack, TextInput } from "@mantine/core";
import { BarChart } from "@mantine/charts";
import { IconPlus } from "@tabler/icons-react";
import { useNavigate } from "react-router";
import type { Serialized } from "../../../../shared/contracts/common.js";
import type { CompetitorListItem } from "../../../../shared/contracts/enablement-competitors.js";
import { can } from "../../../../shared/domain/permissions.js";
import { DataTable, type Column } from "../../../components/data-table";
import { PageHeader } from "../../../components/page-header";
import { QueryError } from "../../../components/query-error";
import { SectionCard } from "../../../components/section-card";
import { formatPercent } from "../../../lib/format";
import { notifyError } from "../../../lib/notify";
import { useSession } from "../../../lib/session";
import { useCompetitors, useSaveCompetitor } from "../hooks/use-competitors";

type Row = Serialized<CompetitorListItem>;

const COLUMNS: Column<Row>[] = [
  { key: "name", header: "Competitor", render: (r) => r.name },
  { key: "card", header: "Battlecard", render: (r) => (r.hasBattlecard ? <Badge variant="light">Ready</Badge> : <Badge color="gray" variant="light">Missing</Badge>) },
  { key: "open", header: "Open deals", align: "right", render: (r) => r.record.openDeals },
  { key: "won", header: "Won", align: "right", render: (r) => r.record.won },
  { key: "lost", header: "Lost", align: "right", render: (r) => r.record.lost },
  { key: "rate", header: "Win rate", align: "right", render: (r) => formatPercent(r.record.winRate) },
  { key: "reason", header: "Top loss reason", render: (r) => r.record.lossReasons[0]?.label ?? "—" },
];

/** Competitors at /competitors: win rate per competitor (last 12 months) and the list; marketing adds profiles. */
export function CompetitorsPage() {
  const me = useSession();
  const navigate = useNavigate();
  const list = useCompetitors();
  const save = useSaveCompetitor();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  const rows = list.data ?? [];
  const rated = rows.filter((r) => r.record.winRate !== null);
  const create = () =>
    save.mutate(
      { body: { name } },
      {
        onSuccess: (c) => {
          setOpen(false);
          void navigate(`/competitors/${c.id}`);
        },
        onError: (e) => notifyError(e),
      },
    );
  return (
    <>
      <PageHeader
        title="Competitors"
        description="Profiles, battlecards, and how we fare against each competitor on the deals it is tagged on (last 12 months)."
        actions={
          can(me.role, "manageEnablement") && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setOpen(true)}>
              Add competitor
            </Button>
          )
        }
      />
      <Stack gap="md">
        {rated.length > 0 && (
          <SectionCard title="Win rate per competitor">
            <BarChart h={220} data={rated.map((r) => ({ competitor: r.name, winRate: Math.round((r.record.winRate ?? 0) * 1000) / 10 }))} dataKey="competitor" unit="%" yAxisProps={{ domain: [0, 100] }} series={[{ name: "winRate", label: "Win rate", color: "teal.6" }]} />
          </SectionCard>
        )}
        <DataTable columns={COLUMNS} rows={rows} rowKey={(r) => r.id} loading={list.isLoading} onRowClick={(r) => void navigate(`/competitors/${r.id}`)} rowHref={(r) => `/competitors/${r.id}`} testId="competitors-table" />
      </Stack>
      <Modal opened={open} onClose={() => setOpen(false)} title="Add competitor">
        <Stack>
          <TextInput label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} data-autofocus />
          <Button onClick={create} loading={save.isPending} disabled={!name.trim()}>
            Add
          </Button>
        </Stack>
      </Modal>
    </>
  );
}
