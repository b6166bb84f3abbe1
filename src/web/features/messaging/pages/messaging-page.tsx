import { useMemo, useState } from "react";
import { Badge, Button, Group, Paper, SegmentedControl, Spoiler, Stack, Switch, Text } from "@mantine/core";
import { IconDownload, IconMessages } from "@tabler/icons-react";
import type { Serialized } from "../../../../shared/contracts/common.js";
import { MESSAGE_KIND_LABELS, type Message } from "../../../../shared/contracts/enablement-messages.js";
import { toCsv } from "../../../../shared/csv.js";
import { can } from "../../../../shared/domain/permissions.js";
import { EmptyPanel } from "../../../components/empty-panel";
import { PageHeader } from "../../../components/page-header";
import { QueryError } from "../../../components/query-error";
import { SearchInput } from "../../../components/search-input";
import { downloadText } from "../../../lib/download";
import { formatDate } from "../../../lib/format";
import { notifyError } from "../../../lib/notify";
import { useSession } from "../../../lib/session";
import { useUrlState } from "../../../lib/use-url-state";
import { MessageFormModal } from "../components/message-form-modal";
import { MESSAGE_KIND_OPTIONS, MessagePersonaPicker, MessageProductPicker } from "../components/message-pickers";
import { useMessages, useSaveMessage } from "../hooks/use-messages";

type M = Serialized<Message>;
const FILTER_KEYS = ["q", "kind", "personaId", "productId", "archived"] as const;
const KIND_COLORS: Record<Message["kind"], string> = { value_prop: "indigo", faq: "teal", talk_track: "grape" };
/** The API's largest page: the library is read whole (it holds hundreds of messages, not thousands). */
const LIMIT = 200;

function exportCsv(items: M[]) {
  const csv = toCsv(
    [
      { header: "Kind", value: (m: M) => MESSAGE_KIND_LABELS[m.kind] },
      { header: "Title", value: (m) => m.title },
      { header: "Body", value: (m) => m.body },
      { header: "Persona", value: (m) => m.personaName ?? "" },
      { header: "Product", value: (m) => m.productName ?? "" },
      { header: "Owner", value: (m) => m.ownerName ?? "" },
      { header: "Archived", value: (m) => m.archivedAt ?? "" },
      { header: "Updated", value: (m) => m.updatedAt },
    ],
    items,
  );
  downloadText("messaging.csv", csv);
}

function MessageCard({ m, mayEdit, onEdit }: { m: M; mayEdit: boolean; onEdit: () => void }) {
  const save = useSaveMessage();
  const archived = !!m.archivedAt;
  const toggle = () => save.mutate({ id: m.id, body: { archived: !archived } }, { onError: (e) => notifyError(e) });
  return (
    <Paper withBorder radius="md" p="md" data-testid="message-card">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={6} style={{ minWidth: 0, flex: 1 }}>
          <Group gap="xs">
            <Badge variant="light" color={KIND_COLORS[m.kind]}>{MESSAGE_KIND_LABELS[m.kind]}</Badge>
            <Badge variant="outline" color="gray">{m.personaName ?? "Every persona"}</Badge>
            <Badge variant="outline" color="gray">{m.productName ?? "Every product"}</Badge>
            {archived && <Badge color="orange" variant="light">Archived</Badge>}
          </Group>
          <Text fw={650}>{m.title}</Text>
          <Spoiler maxHeight={72} showLabel="Show all" hideLabel="Show less">
            <Text fz="sm" style={{ whiteSpace: "pre-wrap" }}>{m.body}</Text>
          </Spoiler>
          <Text fz="xs" c="dimmed">{m.ownerName ?? "No owner"} · updated {formatDate(m.updatedAt)}</Text>
        </Stack>
        {mayEdit && (
          <Group gap="xs" wrap="nowrap">
            {!archived && <Button size="xs" variant="default" onClick={onEdit}>Edit</Button>}
            <Button size="xs" variant="subtle" color={archived ? "blue" : "orange"} loading={save.isPending} onClick={toggle}>{archived ? "Restore" : "Archive"}</Button>
          </Group>
        )}
      </Group>
    </Paper>
  );
}

/** The messaging library at /messaging: value propositions, FAQs and talk tracks per persona and product. */
export function MessagingPage() {
  const me = useSession();
  const mayEdit = can(me.role, "managePersonas");
  const url = useUrlState();
  const [editing, setEditing] = useState<M | "new" | null>(null);
  const query = useMemo(() => {
    const q: Record<string, string | undefined> = { limit: String(LIMIT) };
    for (const k of FILTER_KEYS) q[k] = url.get(k) ?? undefined;
    if (!mayEdit) delete q.archived;
    return q;
  }, [url, mayEdit]);
  const list = useMessages(query);
  const filtered = FILTER_KEYS.some((k) => url.get(k));
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  const addButton = mayEdit && <Button onClick={() => setEditing("new")} data-testid="add-message">New message</Button>;
  return (
    <>
      <PageHeader
        title="Messaging"
        description="What to say to each persona about each product: value propositions, answers to the questions buyers ask, and talk tracks. Reps see their contact's persona messaging on the contact page; brief writers insert it into campaign briefs."
        actions={
          <Group>
            <Button variant="default" leftSection={<IconDownload size={16} />} disabled={items.length === 0} onClick={() => exportCsv(items)} data-testid="export-csv">Export CSV</Button>
            {addButton}
          </Group>
        }
      />
      <Stack gap="md">
        <Group gap="sm" align="flex-end" data-testid="message-filters">
          <SearchInput value={url.get("q") ?? ""} onSearch={(q) => url.set("q", q, { replace: true })} placeholder="Search titles and text…" ariaLabel="Search messages" width={230} />
          <SegmentedControl data={[{ value: "", label: "All kinds" }, ...MESSAGE_KIND_OPTIONS]} value={url.get("kind") ?? ""} onChange={(v) => url.set("kind", v || null)} data-testid="filter-kind" />
          <MessagePersonaPicker aria-label="Persona" placeholder="Any persona" value={url.get("personaId")} onChange={(v) => url.set("personaId", v)} w={170} data-testid="filter-persona" />
          <MessageProductPicker aria-label="Product" placeholder="Any product" value={url.get("productId")} onChange={(v) => url.set("productId", v)} w={170} data-testid="filter-product" />
          {mayEdit && <Switch label="Archived" checked={url.get("archived") === "true"} onChange={(e) => url.set("archived", e.currentTarget.checked ? "true" : null)} mb={8} />}
          {filtered && <Button variant="subtle" onClick={() => url.setMany(Object.fromEntries(FILTER_KEYS.map((k) => [k, null])))}>Clear filters</Button>}
        </Group>
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : list.isLoading ? (
          <Text c="dimmed" fz="sm">Loading…</Text>
        ) : items.length === 0 ? (
          filtered ? (
            <EmptyPanel title="No message matches these filters" description="Try another word, or clear a filter: a message without a persona or product is for all of them and only shows when that filter is empty." />
          ) : (
            <EmptyPanel
              icon={<IconMessages size={22} />}
              title="No messaging yet"
              description={mayEdit ? "Write the value propositions, FAQs and talk tracks reps should use, for a persona and a product or for everyone." : "Marketing writes value propositions, FAQs and talk tracks here. Ask them for what you need through a content request."}
              action={addButton}
            />
          )
        ) : (
          <Stack gap="sm" data-testid="message-list">
            {items.map((m) => <MessageCard key={m.id} m={m} mayEdit={mayEdit} onEdit={() => setEditing(m)} />)}
            <Text fz="sm" c="dimmed" data-testid="message-count">
              {total > items.length ? `The first ${items.length} of ${total} messages — narrow the search to see the rest.` : `${total} ${total === 1 ? "message" : "messages"}`}
            </Text>
          </Stack>
        )}
      </Stack>
      {editing && <MessageFormModal opened onClose={() => setEditing(null)} message={editing === "new" ? undefined : editing} preset={editing === "new" ? { kind: (url.get("kind") as Message["kind"] | null) ?? undefined, personaId: url.get("personaId"), productId: url.get("productId") } : undefined} />}
    </>
  );
}
