import { useEffect, useState } from "react";
import { Alert, Button, Group, Modal, PasswordInput, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import type { Serialized } from "../../../../shared/contracts/common.js";
import { CreateUserBodySchema } from "../../../../shared/contracts/users.js";
import { ROLES, ROLE_LABELS } from "../../../../shared/domain/roles.js";
import { LIMITS } from "../../../../shared/limits.js";
import { SecretReveal } from "../../../components/secret-reveal";
import { formatDateTime } from "../../../lib/format";
import { textOrNull, useFormState } from "../../../lib/use-form-state";
import { useCreateUser, useTeams, type CreatedUser } from "../hooks/use-users-admin";

type Values = { mode: "invite" | "password"; email: string; name: string; role: string; teamId: string | null; title: string; password: string };
const EMPTY: Values = { mode: "invite", email: "", name: "", role: "sales", teamId: null, title: "", password: "" };
const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

/** Adds a member: invites them (showing the one-time link with a copy button) or creates them with a password. */
export function AddMemberModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const create = useCreateUser();
  const teams = useTeams();
  const form = useFormState<Values>(EMPTY);
  const { reset } = form;
  const [created, setCreated] = useState<{ invitation: NonNullable<Serialized<CreatedUser>["invitation"]> } | null>(null);

  useEffect(() => {
    if (opened) {
      reset(EMPTY);
      setCreated(null);
    }
  }, [opened, reset]);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const v = form.values;
    const body = form.validate(CreateUserBodySchema, {
      email: v.email,
      name: v.name,
      role: v.role,
      teamId: v.teamId,
      title: textOrNull(v.title),
      ...(v.mode === "password" ? { password: v.password } : {}),
    });
    if (!body) return;
    try {
      const result = await create.mutateAsync(body);
      if (result.invitation) setCreated({ invitation: result.invitation });
      else onClose();
    } catch (err) {
      form.applyServerError(err, ["email", "name", "role", "teamId", "title", "password"], true);
    }
  };

  if (created) {
    const inv = created.invitation;
    return (
      <Modal opened={opened} onClose={onClose} title="Invitation created" size="lg">
        <Stack gap="md">
          <Text fz="sm">
            Send this link to <b>{inv.email}</b>. They choose their password when they open it.
          </Text>
          <SecretReveal title="Invitation link" value={inv.url} testId="invite-url" note={`Shown once. It expires ${formatDateTime(inv.expiresAt)}; withdraw it from the pending list if sent by mistake.`} />
          <Group justify="flex-end">
            <Button onClick={onClose}>Done</Button>
          </Group>
        </Stack>
      </Modal>
    );
  }

  return (
    <Modal opened={opened} onClose={onClose} title="Add member" size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {form.formError && <Alert color="red">{form.formError}</Alert>}
          <SegmentedControl
            value={form.values.mode}
            onChange={(v) => form.setValue("mode", v as Values["mode"])}
            data={[
              { value: "invite", label: "Send an invitation link" },
              { value: "password", label: "Set a password now" },
            ]}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label="E-mail" type="email" required value={form.values.email} error={form.errors.email} onChange={(e) => form.setValue("email", e.currentTarget.value)} data-autofocus />
            <TextInput label="Name" required value={form.values.name} error={form.errors.name} onChange={(e) => form.setValue("name", e.currentTarget.value)} />
            <Select label="Role" data={ROLE_OPTIONS} value={form.values.role} onChange={(v) => form.setValue("role", v ?? "sales")} error={form.errors.role} allowDeselect={false} />
            <Select label="Team" data={(teams.data ?? []).map((t) => ({ value: t.id, label: t.name }))} value={form.values.teamId} onChange={(v) => form.setValue("teamId", v)} error={form.errors.teamId} clearable placeholder="No team" />
            <TextInput label="Job title" value={form.values.title} error={form.errors.title} onChange={(e) => form.setValue("title", e.currentTarget.value)} />
            {form.values.mode === "password" && (
              <PasswordInput label="Password" description={`At least ${LIMITS.password.min} characters`} value={form.values.password} error={form.errors.password} onChange={(e) => form.setValue("password", e.currentTarget.value)} autoComplete="new-password" />
            )}
          </SimpleGrid>
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              {form.values.mode === "invite" ? "Create invitation" : "Add member"}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
