import { Anchor, Badge, Button, Group, Modal, Paper, Popover, Select, Stack, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import { Link } from "react-router";
import type { Serialized } from "../../../../shared/contracts/common.js";
import type { ContentRequest } from "../../../../shared/contracts/enablement-content.js";
import { MemberSelect } from "../../../components/member-select";
import { formatDate, humanize } from "../../../lib/format";
import { notifyError } from "../../../lib/notify";
import { useAssetSearch } from "../hooks/use-content";
import { useContentRequestMutations } from "../hooks/use-content-requests";

type Req = Serialized<ContentRequest>;
const PRIORITY_COLORS = { high: "red", medium: "yellow", low: "gray" } as const;

function DeliverDialog({ request, onClose }: { request: Req; onClose: () => void }) {
  const [q, setQ] = useState("");
  const assets = useAssetSearch({ status: "all", q: q || undefined });
  const [assetId, setAssetId] = useState<string | null>(null);
  const { move } = useContentRequestMutations();
  return (
    <Modal opened onClose={onClose} title={`Deliver “${request.title}”`}>
      <Stack>
        <Select
          label="The resulting asset"
          searchable
          searchValue={q}
          onSearchChange={setQ}
          filter={({ options }) => options}
          data={(assets.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.title} · ${humanize(a.status)}` }))}
          value={assetId}
          onChange={setAssetId}
          data-testid="deliver-asset"
        />
        <Text fz="xs" c="dimmed">{request.requestedByName ?? "The requester"} is notified with a link to it.</Text>
        <Group justify="end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button disabled={!assetId} loading={move.isPending} onClick={() => move.mutate({ id: request.id, body: { status: "delivered", resultAssetId: assetId! } }, { onSuccess: onClose, onError: (e) => notifyError(e) })} data-testid="deliver-submit">
            Mark done
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function DeclineButton({ request }: { request: Req }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const { move } = useContentRequestMutations();
  return (
    <Popover opened={open} onChange={setOpen} width={280} withArrow trapFocus>
      <Popover.Target><Button size="compact-xs" variant="subtle" color="red" onClick={() => setOpen((o) => !o)}>Decline</Button></Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <Textarea label="Reason (the requester sees it)" autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
          <Button size="xs" color="red" disabled={!reason.trim()} loading={move.isPending} onClick={() => move.mutate({ id: request.id, body: { status: "declined", declineReason: reason.trim() } }, { onError: (e) => notifyError(e) })}>Decline request</Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

/** One request on the board: what is asked, for which deal/persona/competitor, and (for marketing) its moves. */
export function ContentRequestCard({ request: r, canWork }: { request: Req; canWork: boolean }) {
  const { move, assign } = useContentRequestMutations();
  const [delivering, setDelivering] = useState(false);
  const open = r.status !== "delivered" && r.status !== "declined";
  const step = (status: "accepted" | "in_progress") => move.mutate({ id: r.id, body: { status } }, { onError: (e) => notifyError(e) });
  return (
    <Paper withBorder p="sm" radius="md" data-testid="content-request-card">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text fz="sm" fw={600}>{r.title}</Text>
          <Badge size="xs" variant="light" color={PRIORITY_COLORS[r.priority]}>{r.priority}</Badge>
        </Group>
        {r.details && <Text fz="xs" c="dimmed" lineClamp={3}>{r.details}</Text>}
        <Group gap={4}>
          {r.buyingStage && <Badge size="xs" variant="outline">{humanize(r.buyingStage)}</Badge>}
          {r.persona && <Badge size="xs" variant="outline" tt="none">{r.persona}</Badge>}
          {r.competitor && <Badge size="xs" variant="outline" color="red" tt="none">vs {r.competitor}</Badge>}
        </Group>
        {r.dealId && <Anchor component={Link} to={`/deals/${r.dealId}`} fz="xs">{r.dealName ?? "Deal"}</Anchor>}
        <Text fz="xs" c="dimmed">{r.requestedByName} · {formatDate(r.createdAt)}</Text>
        {r.status === "delivered" && r.resultAssetId && <Anchor component={Link} to={`/content/${r.resultAssetId}`} fz="xs" fw={600} data-testid="request-result">→ {r.resultAssetTitle}</Anchor>}
        {r.status === "declined" && <Text fz="xs" c="red">Declined: {r.declineReason}</Text>}
        {canWork && open && (
          <MemberSelect size="xs" aria-label="Assignee" placeholder="Unassigned" roles={["marketing", "manager", "admin"]} value={r.assigneeId} onChange={(id) => assign.mutate({ id: r.id, body: { assigneeId: id } }, { onError: (e) => notifyError(e) })} />
        )}
        {!canWork && r.assigneeName && <Text fz="xs">Assigned to {r.assigneeName}</Text>}
        {canWork && open && (
          <Group gap={4}>
            {r.status === "new" && <Button size="compact-xs" variant="light" loading={move.isPending} onClick={() => step("accepted")}>Accept</Button>}
            {r.status === "accepted" && <Button size="compact-xs" variant="light" loading={move.isPending} onClick={() => step("in_progress")}>Start</Button>}
            {r.status !== "new" && <Button size="compact-xs" variant="light" color="teal" onClick={() => setDelivering(true)}>Done…</Button>}
            <DeclineButton request={r} />
          </Group>
        )}
      </Stack>
      {delivering && <DeliverDialog request={r} onClose={() => setDelivering(false)} />}
    </Paper>
  );
}
