import { useEffect, useState } from "react";
import { Alert, Button, Group, Modal, NumberInput, SimpleGrid, Stack, TagsInput, Text, TextInput, Textarea } from "@mantine/core";
import type { Serialized } from "../../../../shared/contracts/common.js";
import { SENIORITIES } from "../../../../shared/contracts/contacts.js";
import { CreatePersonaBodySchema, UpdatePersonaBodySchema, type Persona } from "../../../../shared/contracts/enablement-personas.js";
import { numberOrNull, textOrNull, useFormState } from "../../../lib/use-form-state";
import { useSavePersona } from "../hooks/use-personas";

type Values = { name: string; description: string; titleKeywords: string[]; seniorities: string[]; departments: string[]; industries: string[]; minEmployees: string | number; maxEmployees: string | number };
const FIELDS = ["name", "description", "criteria"];

function initial(p?: Serialized<Persona>): Values {
  const c = p?.criteria;
  return { name: p?.name ?? "", description: p?.description ?? "", titleKeywords: c?.titleKeywords ?? [], seniorities: c?.seniorities ?? [], departments: c?.departments ?? [], industries: c?.industries ?? [], minEmployees: c?.minEmployees ?? "", maxEmployees: c?.maxEmployees ?? "" };
}

/** Defines a persona or edits its criteria; the name is set once (it is the category contacts and reports carry). */
export function PersonaFormModal({ opened, onClose, persona }: { opened: boolean; onClose: () => void; persona?: Serialized<Persona> }) {
  const save = useSavePersona();
  const form = useFormState<Values>(initial(persona));
  const { reset } = form;
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (opened) {
      reset(initial(persona));
      setSaved(false);
    }
  }, [opened, persona, reset]);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const v = form.values;
    const criteria = { titleKeywords: v.titleKeywords, seniorities: v.seniorities, departments: v.departments, industries: v.industries, minEmployees: numberOrNull(v.minEmployees), maxEmployees: numberOrNull(v.maxEmployees) };
    const body = persona ? form.validate(UpdatePersonaBodySchema, { description: textOrNull(v.description), criteria }) : form.validate(CreatePersonaBodySchema, { name: v.name, description: textOrNull(v.description), criteria });
    if (!body) return;
    try {
      await save.mutateAsync({ id: persona?.id, body });
      setSaved(true);
      onClose();
    } catch (err) {
      form.applyServerError(err, FIELDS, true);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={persona ? `Edit ${persona.name}` : "New persona"} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {form.formError && <Alert color="red">{form.formError}</Alert>}
          {!persona && <TextInput label="Name" description="The category contacts, campaigns and reports carry; set once." value={form.values.name} onChange={(e) => form.setValue("name", e.currentTarget.value)} error={form.errors.name} data-autofocus />}
          <Textarea label="Description" autosize minRows={2} value={form.values.description} onChange={(e) => form.setValue("description", e.currentTarget.value)} error={form.errors.description} />
          <Text fz="sm" c="dimmed">
            Every criterion you fill in must hold; empty ones are ignored. When several personas match, the one with the most criteria wins.
          </Text>
          <TagsInput label="Title keywords" description="Any of these words or phrases in the job title (whole words)" value={form.values.titleKeywords} onChange={(v) => form.setValue("titleKeywords", v)} splitChars={[","]} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TagsInput label="Seniorities" data={[...SENIORITIES]} value={form.values.seniorities} onChange={(v) => form.setValue("seniorities", v)} />
            <TagsInput label="Departments" value={form.values.departments} onChange={(v) => form.setValue("departments", v)} />
            <TagsInput label="Industries (account)" value={form.values.industries} onChange={(v) => form.setValue("industries", v)} />
            <Group grow>
              <NumberInput label="Min employees" min={0} value={form.values.minEmployees} onChange={(v) => form.setValue("minEmployees", v)} thousandSeparator="," />
              <NumberInput label="Max employees" min={0} value={form.values.maxEmployees} onChange={(v) => form.setValue("maxEmployees", v)} thousandSeparator="," />
            </Group>
          </SimpleGrid>
          {form.errors.criteria && (
            <Text fz="sm" c="red">
              {form.errors.criteria}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending} disabled={saved}>
              {persona ? "Save" : "Create persona"}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
