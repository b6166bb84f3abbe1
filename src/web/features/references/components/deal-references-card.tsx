import { Anchor, Badge, Button, Divider, Group, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { Link } from "react-router";
import { can } from "../../../../shared/domain/permissions.js";
import { SectionCard } from "../../../components/section-card";
import { humanize } from "../../../lib/format";
import { useSession } from "../../../lib/session";
import { useDealReferences } from "../hooks/use-references";
import { AvailabilityBadge } from "./availability-badge";
import { DecideUseButtons } from "./decide-use-buttons";
import { RequestReferenceDialog } from "./request-reference-dialog";

const STATUS_COLORS = { requested: "yellow", approved: "teal", declined: "gray" } as const;

/** "References" on a deal page: the references asked for and approved for it, and matching ones to request. */
export function DealReferencesCard({ dealId, dealName }: { dealId: string; dealName: string }) {
  const refs = useDealReferences(dealId);
  const me = useSession();
  const mayRequest = can(me.role, "requestReferences");
  const [requesting, setRequesting] = useState<{ id: string; name: string } | null>(null);
  const data = refs.data;
  return (
    <SectionCard title="References" testId="deal-references" actions={<Anchor component={Link} to="/references" fz="xs">Browse references</Anchor>}>
      <Stack gap="xs">
        {data && data.uses.length === 0 && <Text fz="sm" c="dimmed">No reference is requested for this deal yet.</Text>}
        {data?.uses.map((u) => (
          <Group key={u.id} justify="space-between" wrap="nowrap" data-testid="deal-reference-use">
            <div style={{ minWidth: 0 }}>
              <Group gap={6}>
                <Anchor component={Link} to={`/references/${u.referenceId}`} fz="sm" fw={600}>{u.referenceName ?? "Reference"}</Anchor>
                <Badge size="xs" variant="light" color={STATUS_COLORS[u.status]}>{u.status}</Badge>
              </Group>
              <Text fz="xs" c="dimmed" lineClamp={2}>
                Asked by {u.requestedByName ?? "someone"}{u.note ? `: “${u.note}”` : ""}{u.decisionNote ? ` · ${u.decidedByName ?? "Owner"}: “${u.decisionNote}”` : ""}
              </Text>
            </div>
            {u.canDecide && <DecideUseButtons useId={u.id} />}
          </Group>
        ))}
        {data && data.suggestions.length > 0 && (
          <>
            <Divider label="Suggested for this deal" labelPosition="left" />
            {data.suggestions.map((r) => (
              <Group key={r.id} justify="space-between" wrap="nowrap" data-testid="deal-reference-suggestion">
                <div style={{ minWidth: 0 }}>
                  <Group gap={6}>
                    <Anchor component={Link} to={`/references/${r.id}`} fz="sm" fw={600}>{r.accountName ?? "Reference"}</Anchor>
                    <AvailabilityBadge availability={r.availability} />
                  </Group>
                  <Text fz="xs" c="dimmed">{[r.industry, r.size ? humanize(r.size) : null, ...r.reasons].filter(Boolean).join(" · ")}</Text>
                </div>
                {mayRequest && (
                  <Button size="xs" variant="light" disabled={!r.availability.available} onClick={() => setRequesting({ id: r.id, name: r.accountName ?? "reference" })}>
                    Request
                  </Button>
                )}
              </Group>
            ))}
          </>
        )}
        {data && data.suggestions.length === 0 && (
          <Text fz="xs" c="dimmed">No active reference matches this account's industry, size or products.</Text>
        )}
      </Stack>
      {requesting && <RequestReferenceDialog opened referenceId={requesting.id} referenceName={requesting.name} dealId={dealId} dealName={dealName} onClose={() => setRequesting(null)} />}
    </SectionCard>
  );
}
