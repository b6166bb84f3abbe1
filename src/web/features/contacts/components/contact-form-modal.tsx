import { useEffect } from "react";
import { Alert, Button, Group, Modal, Select, SimpleGrid, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { CONSENTS, CreateContactBodySchema, SENIORITIES, UpdateContactBodySchema, type ContactDetail } from "../../../../shared/contracts/contacts.js";
import type { Serialized } from "../../../../shared/contracts/common.js";
import { CHANNELS } from "../../../../shared/domain/touchpoints.js";
import { AccountSelect } from "../../../components/account-select";
import { MemberSelect } from "../../../components/member-select";
import { codeOptions } from "../../../lib/labels";
import { textOrNull, useFormState } from "../../../lib/use-form-state";
import { usePersonaNames } from "../../../lib/use-persona-names";
import { useCreateContact, useUpdateContact } from "../hooks/use-save-contact";

type Values = {
  firstName: string;
  lastName: string;
  email: string;
  title: string;
  seniority: string | null;
  department: string;
  phone: string;
  country: string;
  accountId: string | null;
  persona: string;
  source: string;
  channel: string | null;
  stage: string | null;
  ownerId: string | null;
  sdrId: string | null;
  consent: string;
};

const FIELDS = ["firstName", "lastName", "email", "title", "seniority", "department", "phone", "country", "accountId", "persona", "source", "channel", "stage", "ownerId", "sdrId", "consent"];

const AUTO = "__auto__";

/** The persona set by hand, or AUTO when persona matching decides (docs/ENABLEMENT.md). */
function manualPersona(c?: Serialized<ContactDetail>): string {
  return c?.personaSource === "manual" && c.persona ? c.persona : AUTO;
}

function initialValues(c?: Serialized<ContactDetail>, accountId?: string | null): Values {
  return {
    firstName: c?.firstName ?? "",
    lastName: c?.lastName ?? "",
    email: c?.email ?? "",
    title: c?.title ?? "",
    seniority: c?.seniority ?? null,
    department: c?.department ?? "",
    phone: c?.phone ?? "",
    country: c?.country ?? "",
    accountId: c?.accountId ?? accountId ?? null,
    persona: manualPersona(c),
    source: c?.source ?? "",
    channel: c?.channel ?? null,
    stage: c ? null : "lead",
    ownerId: c?.ownerId ?? null,
    sdrId: c?.sdrId ?? null,
    consent: c?.consent ?? "unknown",
  };
}

type Props = {
  opened: boolean;
  onClose: () => void;
  /** The contact to edit; absent to create one. */
  contact?: Serialized<ContactDetail>;
  /** Pre-selects an account when creating from an account page. */
  accountId?: string | null;
  accountName?: string | null;
  onSaved?: (contact: { id: string }) => void;
};

/** Creates or edits a contact, validated with the contract schema; server field errors appear on the fields. */
export function ContactFormModal({ opened, onClose, contact, accountId, accountName, onSaved }: Props) {
  const create = useCreateContact();
  const update = useUpdateContact(contact?.id ?? "");
  const form = useFormState<Values>(initialValues(contact, accountId));
  const personaNames = usePersonaNames();
  const { reset } = form;

  useEffect(() => {
    if (opened) reset(initialValues(contact, accountId));
  }, [opened, contact, accountId, reset]);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const v = form.values;
    const fields = {
      firstName: textOrNull(v.firstName),
      lastName: textOrNull(v.lastName),
      email: textOrNull(v.email),
      title: textOrNull(v.title),
      seniority: v.seniority,
      department: textOrNull(v.department),
      phone: textOrNull(v.phone),
      country: textOrNull(v.country),
      accountId: v.accountId,
      // Sent only when changed: a name pins it by hand, null hands the contact back to persona matching.
      persona: v.persona === manualPersona(contact) ? undefined : v.persona === AUTO ? null : v.persona,
      source: textOrNull(v.source),
      channel: v.channel,
      ownerId: v.ownerId,
      sdrId: v.sdrId,
      consent: v.consent,
    };
    try {
      if (contact) {
        const body = form.validate(UpdateContactBodySchema, fields);
        if (!body) return;
        const saved = await update.mutateAsync(body);
        notifications.show({ color: "green", message: "Contact saved" });
        onSaved?.(saved);
      } else {
        const body = form.validate(CreateContactBodySchema, { ...fields, stage: v.stage ?? undefined });
        if (!body) return;
        const saved = await create.mutateAsync(body);
        notifications.show({ color: "green", message: "Contact created" });
        onSaved?.(saved);
      }
      onClose();
    } catch (err) {
      form.applyServerError(err, FIELDS, true);
    }
  };

  const text = (key: keyof Values, label: string, extra: { type?: string; placeholder?: string } = {}) => (
    <TextInput label={label} value={(form.values[key] as string) ?? ""} error={form.errors[key]} onChange={(e) => form.setValue(key, e.currentTarget.value)} {...extra} />
  );

  return (
    <Modal opened={opened} onClose={onClose} title={contact ? "Edit contact" : "New contact"} size="xl">
      <form onSubmit={submit} noValidate>
        {form.formError && (
          <Alert color="red" mb="md">
            {form.formError}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
          {text("firstName", "First name")}
          {text("lastName", "Last name")}
          {text("email", "E-mail", { type: "email", placeholder: "name@company.com" })}
          {text("phone", "Phone")}
          {text("title", "Job title")}
          <Select label="Seniority" data={codeOptions(SENIORITIES)} value={form.values.seniority} onChange={(v) => form.setValue("seniority", v)} error={form.errors.seniority} clearable />
          {text("department", "Department")}
          {text("country", "Country")}
          <AccountSelect label="Account" value={form.values.accountId} valueLabel={contact?.accountName ?? accountName} onChange={(id) => form.setValue("accountId", id)} error={form.errors.accountId} />
          <Select
            label="Persona"
            description={contact?.personaSource === "matched" ? `Matched: ${contact.persona}` : undefined}
            data={[{ value: AUTO, label: "Automatic (persona definitions)" }, ...[...new Set([...personaNames, ...(form.values.persona === AUTO ? [] : [form.values.persona])])].map((n) => ({ value: n, label: n }))]}
            value={form.values.persona}
            onChange={(v) => form.setValue("persona", v ?? AUTO)}
            error={form.errors.persona}
            allowDeselect={false}
            searchable
          />
          {text("source", "Source", { placeholder: "e.g. webinar, referral" })}
          <Select label="Channel" data={codeOptions(CHANNELS)} value={form.values.channel} onChange={(v) => form.setValue("channel", v)} error={form.errors.channel} clearable />
          <MemberSelect label="Owner" value={form.values.ownerId} onChange={(v) => form.setValue("ownerId", v)} error={form.errors.ownerId} placeholder="Unassigned" />
          <MemberSelect label="SDR" roles={["sdr", "manager", "admin"]} value={form.values.sdrId} onChange={(v) => form.setValue("sdrId", v)} error={form.errors.sdrId} placeholder="None" />
          <Select label="Consent" data={codeOptions(CONSENTS)} value={form.values.consent} onChange={(v) => form.setValue("consent", v ?? "unknown")} error={form.errors.consent} allowDeselect={false} />
          {!contact && (
            <Select label="Starting stage" data={[{ value: "subscriber", label: "Subscriber" }, { value: "lead", label: "Lead" }]} value={form.values.stage} onChange={(v) => form.setValue("stage", v)} error={form.errors.stage} allowDeselect={false} />
          )}
        </SimpleGrid>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {contact ? "Save changes" : "Create contact"}
          </Button>
        </Group>
      </form>
    </Modal>
  );
}
