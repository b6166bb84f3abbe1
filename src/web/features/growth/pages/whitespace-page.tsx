import { useState } from "react";
import { Badge, Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconDownload, IconSpeakerphone } from "@tabler/icons-react";
import { useNavigate } from "react-router";
import { toCsv } from "../../../../shared/csv.js";
import { CUSTOMER_STATUSES } from "../../../../shared/contracts/accounts.js";
import { can } from "../../../../shared/domain/permissions.js";
import { MemberSelect } from "../../../components/member-select";
import { QueryError } from "../../../components/query-error";
import { StatCard } from "../../../components/stat-card";
import { api } from "../../../lib/api-client";
import { errorMessage } from "../../../lib/api-error";
import { downloadText } from "../../../lib/download";
import { formatNumber, humanize } from "../../../lib/format";
import { codeOptions } from "../../../lib/labels";
import { useMoney, useSession } from "../../../lib/session";
import { CELL_STYLE, WhitespaceMatrixTable } from "../components/whitespace-matrix";
import { useSetWhitespaceTarget, useWhitespace } from "../hooks/use-growth";

/** Growth → Whitespace: which customers own, are being sold, or could buy each product; export and target it. */
export function WhitespacePage() {
  const me = useSession();
  const money = useMoney();
  const navigate = useNavigate();
  const [segment, setSegment] = useState("");
  const [industry, setIndustry] = useState("");
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [customerStatus, setCustomerStatus] = useState("customer");
  const [campaignFor, setCampaignFor] = useState<string | null>(null);
  const [campaignName, setCampaignName] = useState("");
  const setTarget = useSetWhitespaceTarget();
  const [creating, setCreating] = useState(false);
  const query = { customerStatus, ...(segment.trim() ? { segment: segment.trim() } : {}), ...(industry.trim() ? { industry: industry.trim() } : {}), ...(ownerId ? { ownerId } : {}) };
  const matrix = useWhitespace(query);
  const data = matrix.data;

  const exportCsv = () => {
    if (!data) return;
    const cols = [
      { header: "Account", value: (r: (typeof data.rows)[number]) => r.accountName },
      { header: "Segment", value: (r: (typeof data.rows)[number]) => r.segment },
      { header: "Industry", value: (r: (typeof data.rows)[number]) => r.industry },
      { header: "Owner", value: (r: (typeof data.rows)[number]) => r.ownerName },
      ...data.products.map((p, i) => ({ header: p.name, value: (r: (typeof data.rows)[number]) => (r.cells[i]?.state === "open" ? "whitespace" : (r.cells[i]?.state ?? "")) })),
    ];
    downloadText(`whitespace-${customerStatus}.csv`, toCsv(cols, data.rows));
  };

  const createCampaign = async () => {
    const product = data?.products.find((p) => p.productId === campaignFor);
    if (!product) return;
    setCreating(true);
    try {
      const campaign = await api.post<{ id: string }>("/campaigns", { name: campaignName.trim() || `${product.name} whitespace`, channel: "email", status: "planned" });
      await setTarget.mutateAsync({ campaignId: campaign.id, body: { productId: product.productId, segment: segment.trim() || null, customerStatus: customerStatus as "customer" } });
      notifications.show({ color: "green", message: "Whitespace campaign created" });
      navigate(`/campaigns/${campaign.id}`);
    } catch (err) {
      notifications.show({ color: "red", message: errorMessage(err) });
    } finally {
      setCreating(false);
    }
  };

  return (
    <Stack gap="md">
      <Group gap="sm" align="flex-end">
        <Select label="Customer status" data={codeOptions(CUSTOMER_STATUSES)} value={customerStatus} onChange={(v) => setCustomerStatus(v ?? "customer")} allowDeselect={false} w={170} />
        <TextInput label="Segment" value={segment} onChange={(e) => setSegment(e.currentTarget.value)} placeholder="Any segment" w={150} />
        <TextInput label="Industry" value={industry} onChange={(e) => setIndustry(e.currentTarget.value)} placeholder="Any industry" w={150} />
        <MemberSelect label="Owner" value={ownerId} onChange={setOwnerId} w={220} />
        <Group ml="auto" gap="xs">
          <Button variant="default" leftSection={<IconDownload size={16} />} onClick={exportCsv} disabled={!data?.rows.length}>
            Export CSV
          </Button>
          {can(me.role, "editCampaigns") && (
            <Button leftSection={<IconSpeakerphone size={16} />} onClick={() => setCampaignFor(data?.products[0]?.productId ?? null)} disabled={!data?.products.length}>
              Whitespace campaign
            </Button>
          )}
        </Group>
      </Group>
      {matrix.isError ? (
        <QueryError error={matrix.error} onRetry={() => void matrix.refetch()} />
      ) : !data ? (
        <Text c="dimmed">Loading…</Text>
      ) : (
        <>
          <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
            <StatCard label={`${humanize(customerStatus)} accounts`} value={formatNumber(data.accountCount)} />
            <StatCard label="Products owned" value={formatNumber(data.totals.owned)} color="green" />
            <StatCard label="In pipeline" value={formatNumber(data.totals.pipeline)} color="yellow" />
            <StatCard label="Whitespace (potential at list)" value={`${formatNumber(data.totals.whitespace)} · ${money(data.totals.potential, { compact: true })}`} color="blue" testId="ws-potential" />
          </SimpleGrid>
          <Group gap="xs">
            {Object.values(CELL_STYLE).map((s) => (
              <Badge key={s.label} variant="light" style={{ background: s.bg, color: s.fg }}>
                {s.label}
              </Badge>
            ))}
            <Text fz="xs" c="dimmed">
              Click a cell to open the account, or the open deal for a product in pipeline.
              {data.rows.length < data.accountCount ? ` Showing the first ${data.rows.length} of ${data.accountCount} accounts; totals count all.` : ""}
            </Text>
          </Group>
          {data.products.length === 0 || data.rows.length === 0 ? (
            <Text c="dimmed">{data.products.length === 0 ? "No active product in the catalogue yet: add products under Growth → Products." : "No account matches these filters."}</Text>
          ) : (
            <WhitespaceMatrixTable data={data} />
          )}
        </>
      )}
      <Modal opened={campaignFor !== null} onClose={() => setCampaignFor(null)} title="Campaign for a product's whitespace">
        <Stack>
          <Text fz="sm" c="dimmed">
            Targets {humanize(customerStatus).toLowerCase()} accounts{segment.trim() ? ` in ${segment.trim()}` : ""} that neither own the product nor have it in an open deal.
          </Text>
          <Select label="Product" data={(data?.products ?? []).map((p) => ({ value: p.productId, label: `${p.name} (${p.whitespace} accounts)` }))} value={campaignFor} onChange={setCampaignFor} allowDeselect={false} />
          <TextInput label="Campaign name" value={campaignName} onChange={(e) => setCampaignName(e.currentTarget.value)} placeholder="e.g. Analytics for customers" />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setCampaignFor(null)}>
              Cancel
            </Button>
            <Button onClick={() => void createCampaign()} loading={creating}>
              Create campaign
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
