import { useEffect } from "react";
import { Alert, Button, Group, Modal, MultiSelect, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { Serialized } from "../../../../shared/contracts/common.js";
import { CreatePodBodySchema, type Pod } from "../../../../shared/contracts/routing.js";
import { podRatio } from "../../../../shared/domain/routing.js";
import { MemberSelect } from "../../../components/member-select";
import { useFormState } from "../../../lib/use-form-state";
import { useMembers } from "../../users/hooks/use-members";
import { useCreatePod, useSavePod } from "../hooks/use-pods";
import { PodRatioBadge } from "./pod-ratio-badge";

type Values = { name: string; sdrId: string | null; memberIds: string[] };
const FIELDS = ["name", "sdrId", "memberIds"];

const initialValues = (p: Serialized<Pod> | undefined): Values => ({ name: p?.name ?? "", sdrId: p?.sdrId ?? null, memberIds: p?.members.map((m) => m.userId) ?? [] });

/** Creates or edits an SDR pod: its name, its SDR and the account executives it serves, with the ratio as you pick. */
export function PodFormModal({ opened, onClose, pod }: { opened: boolean; onClose: () => void; pod?: Serialized<Pod> }) {
  const create = useCreatePod();
  const save = useSavePod();
  const { members } = useMembers();
  const form = useFormState<Values>(initialValues(pod));
  const { reset } = form;

  useEffect(() => {
    if (opened) reset(initialValues(pod));
  }, [opened, pod, reset]);

  const aeOptions = members
    .filter((m) => (m.active && m.role === "sales") || form.values.memberIds.includes(m.id))
    .map((m) => ({ value: m.id, label: m.name }));

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const body = form.validate(CreatePodBodySchema, form.values);
    if (!body) return;
    try {
      if (pod) {
        const patch = { ...(body.name !== pod.name ? { name: body.name } : {}), ...(body.sdrId !== pod.sdrId ? { sdrId: body.sdrId } : {}) };
        await save.mutateAsync({ id: pod.id, patch: Object.keys(patch).length ? patch : null, memberIds: body.memberIds });
      } else {
        await create.mutateAsync(body);
      }
      notifications.show({ color: "green", message: pod ? "Pod saved" : "Pod created" });
      onClose();
    } catch (err) {
      form.applyServerError(err, FIELDS, true);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={pod ? "Edit pod" : "New pod"} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {form.formError && <Alert color="red">{form.formError}</Alert>}
          <TextInput label="Name" required value={form.values.name} error={form.errors.name} onChange={(e) => form.setValue("name", e.currentTarget.value)} placeholder="e.g. Pod East" />
          <MemberSelect label="SDR" required roles={["sdr"]} value={form.values.sdrId} onChange={(id) => form.setValue("sdrId", id)} error={form.errors.sdrId} placeholder="Choose an SDR" />
          <MultiSelect
            label="Account executives"
            description="An AE serves one pod; a pod works best with 3–6"
            data={aeOptions}
            value={form.values.memberIds}
            onChange={(ids) => form.setValue("memberIds", ids)}
            error={form.errors.memberIds}
            searchable
            clearable
            placeholder={form.values.memberIds.length ? undefined : "Choose AEs"}
          />
          <Group gap="xs">
            <Text fz="sm" c="dimmed">
              SDR:AE ratio
            </Text>
            <PodRatioBadge ratio={podRatio(form.values.memberIds.length)} />
          </Group>
        </Stack>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || save.isPending}>
            {pod ? "Save pod" : "Create pod"}
          </Button>
        </Group>
      </form>
    </Modal>
  );
}
