import { useState } from "react";
import { Button, Chip, Group, Pagination, Paper, Select, Stack, Text } from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";
import { PASSED_LEAD_STATUSES, type PassedLead, type PassedLeadStatus } from "../../../../shared/contracts/team.js";
import type { Serialized } from "../../../../shared/contracts/common.js";
import { can } from "../../../../shared/domain/permissions.js";
import { toCsv } from "../../../../shared/csv.js";
import { MemberSelect } from "../../../components/member-select";
import { QueryError } from "../../../components/query-error";
import { SectionCard } from "../../../components/section-card";
import { downloadText } from "../../../lib/download";
import { useMoney, useSession } from "../../../lib/session";
import { LeadCampaignsChart } from "../components/lead-campaigns-chart";
import { LEAD_STATUS_LABELS, PassedLeadsTable, leadWhy } from "../components/passed-leads-table";
import { fetchAllPassedLeads, usePassedLeads, type PassedLeadsFilter } from "../hooks/use-sdr";
import { monthOf, monthsBack, recentMonths } from "../hooks/months";

const PAGE = 50;
const SLA_OPTIONS = [
  { value: "met", label: "In SLA" },
  { value: "breached", label: "SLA breached" },
  { value: "open", label: "Still running" },
];

function exportCsv(f: PassedLeadsFilter, leads: Serialized<PassedLead>[]) {
  const csv = toCsv(
    [
      { header: "Lead", value: (l: Serialized<PassedLead>) => l.name },
      { header: "Account", value: (l) => l.accountName ?? "" },
      { header: "Passed at", value: (l) => l.passedAt },
      { header: "To", value: (l) => l.ownerName ?? "" },
      { header: "Campaign", value: (l) => l.campaignName ?? "" },
      { header: "Status", value: (l) => LEAD_STATUS_LABELS[l.status] },
      { header: "Why", value: (l) => leadWhy(l) ?? "" },
      { header: "Accept SLA", value: (l) => l.sla ?? "" },
      { header: "Deal", value: (l) => l.dealName ?? "" },
      { header: "Deal amount", value: (l) => l.dealAmount ?? "" },
      { header: "Won revenue", value: (l) => l.wonRevenue },
    ],
    leads,
  );
  downloadText(`passed-leads-${f.from}-to-${f.to}.csv`, csv);
}

/**
 * My leads at /team/leads: what became of every lead an SDR passed — accepted, rejected and why, in SLA or not,
 * opportunity, won, lost and why — and the campaigns their best leads came from. Managers pick the SDR.
 */
export function PassedLeadsPage() {
  const me = useSession();
  const money = useMoney();
  const manager = can(me.role, "readSdrTeam");
  const current = monthOf(new Date(), me.workspace.timezone);
  const [filter, setFilter] = useState<PassedLeadsFilter>({ sdrId: manager ? null : me.user.id, from: monthsBack(current, 12), to: current, status: null, campaignId: null, sla: null });
  const [page, setPage] = useState(1);
  const [exporting, setExporting] = useState(false);
  const set = (patch: Partial<PassedLeadsFilter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setPage(1);
  };
  const effective = { ...filter, to: filter.to < filter.from ? filter.from : filter.to };
  const result = usePassedLeads(effective, { limit: PAGE, offset: (page - 1) * PAGE }, !!filter.sdrId);
  const data = result.data;
  const months = recentMonths(current, 36);
  const total = data ? PASSED_LEAD_STATUSES.reduce((t, s) => t + data.counts[s], 0) : 0;
  const onExport = async () => {
    setExporting(true);
    try {
      exportCsv(effective, await fetchAllPassedLeads(effective));
    } finally {
      setExporting(false);
    }
  };
  return (
    <Stack gap="md">
      <Group gap="md" align="flex-end">
        {manager && <MemberSelect label="SDR" roles={["sdr"]} value={filter.sdrId} onChange={(v) => set({ sdrId: v })} placeholder="Pick an SDR" clearable={false} w={240} data-testid="leads-sdr" />}
        <Select label="From" data={months} value={filter.from} onChange={(v) => v && set({ from: v })} allowDeselect={false} w={130} />
        <Select label="To" data={months} value={filter.to} onChange={(v) => v && set({ to: v })} allowDeselect={false} w={130} />
        <Select label="Campaign" placeholder="Every campaign" clearable data={(data?.campaigns ?? []).filter((c) => c.campaignId).map((c) => ({ value: c.campaignId!, label: c.name }))} value={filter.campaignId} onChange={(v) => set({ campaignId: v })} w={220} />
        <Select label="Accept SLA" placeholder="Any" clearable data={SLA_OPTIONS} value={filter.sla} onChange={(v) => set({ sla: v })} w={150} />
        <Button variant="default" leftSection={<IconDownload size={16} />} disabled={!data || data.total === 0} loading={exporting} onClick={() => void onExport()}>
          Export CSV
        </Button>
      </Group>
      {!filter.sdrId && (
        <Paper withBorder p="xl" radius="md">
          <Text c="dimmed" fz="sm">
            Pick an SDR to see what became of the leads they passed.
          </Text>
        </Paper>
      )}
      {result.isError && <QueryError error={result.error} onRetry={() => void result.refetch()} />}
      {data && (
        <>
          <Chip.Group multiple={false} value={filter.status ?? "all"} onChange={(v) => set({ status: v === "all" ? null : (v as PassedLeadStatus) })}>
            <Group gap="xs" data-testid="lead-status-filter">
              <Chip value="all" size="sm">
                All {total}
              </Chip>
              {PASSED_LEAD_STATUSES.map((s) => (
                <Chip key={s} value={s} size="sm">
                  {LEAD_STATUS_LABELS[s]} {data.counts[s]}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
          <LeadCampaignsChart campaigns={data.campaigns} />
          <SectionCard title={`${manager ? `${data.sdr.name}'s` : "Your"} passed leads · ${data.total}`} testId="passed-leads-card" actions={<Text fz="xs" c="dimmed">Won from the period's leads: {money(data.campaigns.reduce((t, c) => t + c.wonRevenue, 0))}</Text>}>
            {data.leads.length === 0 ? (
              <Text c="dimmed" fz="sm">
                No lead matches these filters.
              </Text>
            ) : (
              <PassedLeadsTable leads={data.leads} />
            )}
            {data.total > PAGE && (
              <Group justify="center" mt="md">
                <Pagination total={Math.ceil(data.total / PAGE)} value={page} onChange={setPage} size="sm" />
              </Group>
            )}
          </SectionCard>
        </>
      )}
    </Stack>
  );
}
