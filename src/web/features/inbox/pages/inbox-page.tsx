import { useEffect, useMemo, useRef, useState } from "react";
import { Alert, Box, Flex, Group, List, Paper, SegmentedControl, Skeleton, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconInbox } from "@tabler/icons-react";
import { useNavigate } from "react-router";
import type { LeadAction } from "../../../../shared/contracts/feedback.js";
import { EmptyPanel } from "../../../components/empty-panel";
import { MemberSelect } from "../../../components/member-select";
import { PageHeader } from "../../../components/page-header";
import { QueryError } from "../../../components/query-error";
import { notifyError } from "../../../lib/notify";
import { useSession } from "../../../lib/session";
import { useUrlState } from "../../../lib/use-url-state";
import { useNow } from "../../sla/hooks/use-now";
import { useSlaPolicies } from "../../sla/hooks/use-sla";
import { ACTION_META, isActionAllowed } from "../hooks/action-labels";
import { useBulkLeadAction, useInbox, useLeadAction, type BulkResult } from "../hooks/use-inbox";
import { useInboxKeys } from "../hooks/use-inbox-keys";
import { BulkBar } from "../components/bulk-bar";
import { InboxTable, type Item } from "../components/inbox-table";
import { LeadContextPanel } from "../components/lead-context-panel";
import { ReasonModal, type ReasonTarget } from "../components/reason-modal";
import { ShortcutLegend } from "../components/shortcut-legend";
import { ExportCsvButton } from "../../../components/export-csv-button";

type Filter = "all" | "mql" | "sal";

/** The rep's inbox at /inbox ("SDR queue" for SDRs): open leads by SLA urgency, their context, and one-key decisions. */
export function InboxPage() {
  const me = useSession();
  const url = useUrlState();
  const navigate = useNavigate();
  const isManager = me.role === "admin" || me.role === "manager";
  const ownerId = isManager ? url.get("owner") : null;
  const inbox = useInbox(ownerId);
  const policies = useSlaPolicies();
  const act = useLeadAction();
  const bulk = useBulkLeadAction();
  const now = useNow();
  const [filter, setFilter] = useState<Filter>("all");
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const [reasonTarget, setReasonTarget] = useState<ReasonTarget | null>(null);
  const [bulkFailures, setBulkFailures] = useState<{ action: LeadAction; results: BulkResult["results"] } | null>(null);
  const lastIndex = useRef(0);

  const all = useMemo(() => inbox.data?.items ?? [], [inbox.data]);
  const items = useMemo(() => (filter === "all" ? all : all.filter((i) => i.stage === filter)), [all, filter]);
  const dueByPolicy = useMemo(() => new Map((policies.data ?? []).map((p) => [p.id, Number(p.terms.dueMinutes) || 0])), [policies.data]);
  const selectedIndex = items.findIndex((i) => i.contactId === selectedId);
  const selected = selectedIndex >= 0 ? items[selectedIndex] : undefined;

  // When the selected lead leaves the list (rejected, or the list reloaded), select the one now in its place.
  useEffect(() => {
    if (selectedIndex >= 0) {
      lastIndex.current = selectedIndex;
      return;
    }
    const next = items[Math.min(lastIndex.current, items.length - 1)];
    setSelectedId(next ? next.contactId : null);
  }, [items, selectedIndex]);

  // Checked leads that left the inbox are no longer checkable.
  useEffect(() => {
    setChecked((prev) => {
      const ids = new Set(all.map((i) => i.contactId));
      const kept = [...prev].filter((id) => ids.has(id));
      return kept.length === prev.size ? prev : new Set(kept);
    });
  }, [all]);

  const runAction = (item: Item, action: LeadAction) => {
    if (!isActionAllowed(action, item.stage)) return;
    if (action !== "accept") {
      setReasonTarget({ action, leads: [{ id: item.contactId, name: item.name }] });
      return;
    }
    act.mutate(
      { id: item.contactId, action: "accept" },
      {
        onSuccess: () => {
          notifications.show({ color: "green", message: `${item.name} accepted` });
          const next = items[items.indexOf(item) + 1];
          if (next && item.contactId === selectedId) setSelectedId(next.contactId);
        },
        onError: (err) => notifyError(err, `Could not accept ${item.name}`),
      },
    );
  };

  const runBulk = (action: LeadAction) => {
    const leads = all.filter((i) => checked.has(i.contactId)).map((i) => ({ id: i.contactId, name: i.name }));
    if (leads.length === 0) return;
    setBulkFailures(null);
    if (action !== "accept") {
      setReasonTarget({ action, leads });
      return;
    }
    bulk.mutate(
      { action, ids: leads.map((l) => l.id) },
      {
        onSuccess: (result) => {
          setChecked(new Set(result.results.filter((r) => !r.ok).map((r) => r.id)));
          if (result.succeeded) notifications.show({ color: "green", message: `${result.succeeded} leads accepted` });
          if (result.failed) setBulkFailures({ action, results: result.results.filter((r) => !r.ok) });
        },
        onError: (err) => notifyError(err, "Could not accept the leads"),
      },
    );
  };

  const toggle = (id: string) =>
    setChecked((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  useInboxKeys(
    {
      move: (by) => {
        const i = selectedIndex < 0 ? 0 : Math.max(0, Math.min(items.length - 1, selectedIndex + by));
        const target = items[i];
        if (target) setSelectedId(target.contactId);
      },
      open: () => selected && navigate(`/contacts/${selected.contactId}`),
      accept: () => selected && runAction(selected, "accept"),
      reject: () => selected && runAction(selected, "reject"),
      recycle: () => selected && runAction(selected, "recycle"),
      disqualify: () => selected && runAction(selected, "disqualify"),
      toggle: () => selected && toggle(selected.contactId),
    },
    reasonTarget === null && !act.isPending,
  );

  const data = inbox.data;
  const role = data?.role ?? me.role;
  const viewingOther = !!data && data.ownerId !== me.user.id;
  const counts = { all: all.length, mql: all.filter((i) => i.stage === "mql").length, sal: all.filter((i) => i.stage === "sal").length };
  const nameOf = new Map(all.map((i) => [i.contactId, i.name]));

  return (
    <>
      <PageHeader
        title={role === "sdr" ? "SDR queue" : "Inbox"}
        description={
          viewingOther
            ? `${data.ownerName}'s open leads, most urgent first. SLA countdowns are in business hours.`
            : "Your open leads, most urgent first. Accept or reject each MQL with a reason; SLA countdowns are in business hours."
        }
        actions={
          <Group gap="xs">
            <ExportCsvButton path="/inbox/export.csv" query={{ ownerId }} />
            {isManager && (
            <MemberSelect
              aria-label="Whose inbox"
              placeholder="My inbox"
              roles={["sdr", "sales", "manager", "admin"]}
              value={ownerId}
              onChange={(id) => url.set("owner", id)}
              w={260}
            />
            )}
          </Group>
        }
      />
      {inbox.isError ? (
        <QueryError error={inbox.error} onRetry={() => void inbox.refetch()} />
      ) : !data ? (
        <Skeleton h={360} />
      ) : all.length === 0 ? (
        <Paper withBorder radius="md" p="xl">
          <EmptyPanel icon={<IconInbox size={22} />} title="Inbox zero" description="No open MQLs or accepted leads are waiting. New leads appear here when routing hands them over." />
        </Paper>
      ) : (
        <Stack gap="sm">
          <Group justify="space-between" wrap="wrap" gap="sm">
            <SegmentedControl
              size="xs"
              value={filter}
              onChange={(v) => setFilter(v as Filter)}
              data={[
                { value: "all", label: `All (${counts.all})` },
                { value: "mql", label: `To accept (${counts.mql})` },
                { value: "sal", label: `Accepted (${counts.sal})` },
              ]}
            />
            <ShortcutLegend />
          </Group>
          <BulkBar count={checked.size} busy={bulk.isPending} onAction={runBulk} onClear={() => setChecked(new Set())} />
          {bulkFailures && (
            <Alert color="red" withCloseButton onClose={() => setBulkFailures(null)} title={`${bulkFailures.results.length} leads could not be ${ACTION_META[bulkFailures.action].done}`} data-testid="bulk-failures">
              <List size="sm">
                {bulkFailures.results.map((r) => (
                  <List.Item key={r.id}>
                    {nameOf.get(r.id) ?? r.id}: {r.error}
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
          <Flex gap="md" direction={{ base: "column", lg: "row" }} align={{ base: "stretch", lg: "flex-start" }}>
            <Box style={{ flex: 1, minWidth: 0 }}>
              {items.length === 0 ? (
                <Paper withBorder radius="md" p="xl">
                  <EmptyPanel title="Nothing here" description="No lead in this view." />
                </Paper>
              ) : (
                <InboxTable
                  items={items}
                  selectedId={selectedId}
                  checked={checked}
                  now={now}
                  dueByPolicy={dueByPolicy}
                  busyId={act.isPending ? (act.variables?.id ?? null) : null}
                  onSelect={setSelectedId}
                  onToggle={toggle}
                  onToggleAll={(on) => setChecked(on ? new Set(items.map((i) => i.contactId)) : new Set())}
                  onAction={runAction}
                />
              )}
            </Box>
            <Box w={{ base: "100%", lg: 310 }} style={{ flexShrink: 0, position: "sticky", top: 68 }}>
              <LeadContextPanel item={selected} onAction={runAction} busy={act.isPending} />
            </Box>
          </Flex>
          {all.length >= 300 && (
            <Text fz="xs" c="dimmed">
              Showing the 300 oldest open leads.
            </Text>
          )}
        </Stack>
      )}
      <ReasonModal
        target={reasonTarget}
        onClose={() => setReasonTarget(null)}
        onDone={(ids) =>
          setChecked((prev) => {
            const next = new Set(prev);
            for (const id of ids) next.delete(id);
            return next;
          })
        }
      />
    </>
  );
}
