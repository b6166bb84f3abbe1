import { useState } from "react";
import { ActionIcon, Alert, Badge, Button, Group, Stack, Text } from "@mantine/core";
import { IconPencil, IconPlus, IconRefresh, IconTrash } from "@tabler/icons-react";
import type { Serialized } from "../../../../shared/contracts/common.js";
import type { Persona } from "../../../../shared/contracts/enablement-personas.js";
import { can } from "../../../../shared/domain/permissions.js";
import { ConfirmDelete } from "../../../components/confirm-delete";
import { DataTable, type Column } from "../../../components/data-table";
import { JobProgress } from "../../../components/job-progress";
import { PageHeader } from "../../../components/page-header";
import { QueryError } from "../../../components/query-error";
import { SectionCard } from "../../../components/section-card";
import { formatNumber, humanize } from "../../../lib/format";
import { notifyError } from "../../../lib/notify";
import { useSession } from "../../../lib/session";
import { useJob } from "../../../lib/use-job";
import { usePersonaList } from "../../../lib/use-persona-names";
import { PersonaFormModal } from "../components/persona-form-modal";
import { PersonaInsightsCard } from "../../insights/components/persona-insights-card";
import { useApplyPersonas, useDeletePersona } from "../hooks/use-personas";

type Row = Serialized<Persona>;

/** The criteria of a definition in words: "title: IT, infrastructure · seniority: manager · 200–1,000 employees". */
function criteriaText(c: Row["criteria"]): string {
  const parts: string[] = [];
  if (c.titleKeywords.length) parts.push(`title: ${c.titleKeywords.join(", ")}`);
  if (c.seniorities.length) parts.push(`seniority: ${c.seniorities.map(humanize).join(", ")}`);
  if (c.departments.length) parts.push(`department: ${c.departments.join(", ")}`);
  if (c.industries.length) parts.push(`industry: ${c.industries.join(", ")}`);
  if (c.minEmployees !== null || c.maxEmployees !== null) parts.push(`${c.minEmployees !== null ? formatNumber(c.minEmployees) : "0"}–${c.maxEmployees !== null ? formatNumber(c.maxEmployees) : "∞"} employees`);
  return parts.join(" · ") || "No criteria (never matches)";
}

/** Personas at /personas: the definitions with their matching criteria and contacts, and the re-apply job. */
export function PersonasPage() {
  const me = useSession();
  const list = usePersonaList();
  const apply = useApplyPersonas();
  const remove = useDeletePersona();
  const [editing, setEditing] = useState<Row | "new" | null>(null);
  const [deleting, setDeleting] = useState<Row | null>(null);
  const lastApply = list.data?.lastApply ?? null;
  const job = useJob(lastApply?.id, lastApply ?? undefined);
  const manage = can(me.role, "managePersonas");
  if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  const columns: Column<Row>[] = [
    { key: "name", header: "Persona", render: (r) => <Text fw={600} fz="sm">{r.name}</Text> },
    { key: "criteria", header: "Matching criteria", render: (r) => <Text fz="sm">{criteriaText(r.criteria)}</Text> },
    { key: "matched", header: "Matched", align: "right", render: (r) => formatNumber(r.contacts.matched) },
    { key: "manual", header: "Set by hand", align: "right", render: (r) => formatNumber(r.contacts.manual) },
    ...(manage
      ? [{
          key: "actions",
          header: "",
          align: "right" as const,
          render: (r: Row) => (
            <Group gap={4} justify="flex-end" wrap="nowrap">
              <ActionIcon variant="subtle" aria-label={`Edit ${r.name}`} onClick={(e) => { e.stopPropagation(); setEditing(r); }}>
                <IconPencil size={16} />
              </ActionIcon>
              <ActionIcon variant="subtle" color="red" aria-label={`Delete ${r.name}`} onClick={(e) => { e.stopPropagation(); setDeleting(r); }}>
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ),
        }]
      : []),
  ];
  const undefinedPersonas = list.data?.undefinedPersonas ?? [];
  return (
    <>
      <PageHeader
        title="Personas"
        description="Who we sell to. Contacts get the persona whose criteria they meet (the most specific one) unless someone set it by hand; campaign targeting, fit rules and persona drift use these names."
        actions={
          manage && (
            <Group>
              <Button variant="default" leftSection={<IconRefresh size={16} />} loading={apply.isPending} onClick={() => apply.mutate(undefined, { onError: (e) => notifyError(e, "Could not start") })}>
                Re-apply to contacts
              </Button>
              <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing("new")}>
                New persona
              </Button>
            </Group>
          )
        }
      />
      <Stack gap="md">
        {job.data && <JobProgress job={job.data} title="Re-applying personas to contacts not set by hand" doneMessage={`Scanned ${formatNumber(Number(job.data.result?.scanned ?? 0))} contacts, changed ${formatNumber(Number(job.data.result?.changed ?? 0))}.`} testId="persona-apply-job" />}
        <DataTable columns={columns} rows={list.data?.items ?? []} rowKey={(r) => r.id} loading={list.isLoading} testId="personas-table" empty="No personas defined yet: contacts keep whatever persona was typed in." />
        <PersonaInsightsCard personas={list.data?.items ?? []} />
        {undefinedPersonas.length > 0 && (
          <SectionCard title="Persona values without a definition">
            <Alert color="yellow" variant="light" mb="sm">
              These values were set by hand or imported before the definitions; persona drift counts them as unknown.
            </Alert>
            <Group gap="xs">
              {undefinedPersonas.map((u) => (
                <Badge key={u.persona} variant="light" color="gray">
                  {u.persona} · {formatNumber(u.contacts)}
                </Badge>
              ))}
            </Group>
          </SectionCard>
        )}
      </Stack>
      <PersonaFormModal opened={editing !== null} onClose={() => setEditing(null)} persona={editing === "new" || editing === null ? undefined : editing} />
      <ConfirmDelete
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={`Delete ${deleting?.name ?? "persona"}?`}
        message="Contacts keep the name until personas are re-applied; those set by hand keep it for good."
        loading={remove.isPending}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: () => setDeleting(null), onError: (e) => notifyError(e, "Could not delete") })}
      />
    </>
  );
}
