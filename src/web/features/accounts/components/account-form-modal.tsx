import { useEffect } from "react";
import { Alert, Button, Group, Modal, NumberInput, Select, SimpleGrid, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { CUSTOMER_STATUSES, CreateAccountBodySchema, UpdateAccountBodySchema, type AccountDetail } from "../../../../shared/contracts/accounts.js";
import type { Serialized } from "../../../../shared/contracts/common.js";
import { MemberSelect } from "../../../components/member-select";
import { codeOptions } from "../../../lib/labels";
import { numberOrNull, textOrNull, useFormState } from "../../../lib/use-form-state";
import { useSession } from "../../../lib/session";
import { useCreateAccount, useUpdateAccount } from "../hooks/use-save-account";

type Values = {
  name: string;
  domain: string;
  industry: string;
  segment: string;
  employees: string | number;
  annualRevenue: string | number;
  country: string;
  region: string;
  ownerId: string | null;
  customerStatus: string;
};

const FIELDS = ["name", "domain", "industry", "segment", "employees", "annualRevenue", "country", "region", "ownerId", "customerStatus"];

function initialValues(a?: Serialized<AccountDetail>): Values {
  return {
    name: a?.name ?? "",
    domain: a?.domain ?? "",
    industry: a?.industry ?? "",
    segment: a?.segment ?? "",
    employees: a?.employees ?? "",
    annualRevenue: a?.annualRevenue ?? "",
    country: a?.country ?? "",
    region: a?.region ?? "",
    ownerId: a?.ownerId ?? null,
    customerStatus: a?.customerStatus ?? "prospect",
  };
}

/** Creates or edits an account, validated with the contract schema; server field errors appear on the fields. */
export function AccountFormModal({ opened, onClose, account, onSaved }: { opened: boolean; onClose: () => void; account?: Serialized<AccountDetail>; onSaved?: (a: { id: string }) => void }) {
  const me = useSession();
  const create = useCreateAccount();
  const update = useUpdateAccount(account?.id ?? "");
  const form = useFormState<Values>(initialValues(account));
  const { reset } = form;

  useEffect(() => {
    if (opened) reset(initialValues(account));
  }, [opened, account, reset]);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const v = form.values;
    const fields = {
      name: v.name,
      domain: textOrNull(v.domain),
      industry: textOrNull(v.industry),
      segment: textOrNull(v.segment),
      employees: numberOrNull(v.employees),
      annualRevenue: numberOrNull(v.annualRevenue),
      country: textOrNull(v.country),
      region: textOrNull(v.region),
      ownerId: v.ownerId,
      customerStatus: v.customerStatus,
    };
    try {
      const saved = account
        ? await (async () => {
            const body = form.validate(UpdateAccountBodySchema, fields);
            return body ? update.mutateAsync(body) : null;
          })()
        : await (async () => {
            const body = form.validate(CreateAccountBodySchema, fields);
            return body ? create.mutateAsync(body) : null;
          })();
      if (!saved) return;
      notifications.show({ color: "green", message: account ? "Account saved" : "Account created" });
      onSaved?.(saved);
      onClose();
    } catch (err) {
      form.applyServerError(err, FIELDS, true);
    }
  };

  const text = (key: "name" | "domain" | "industry" | "segment" | "country" | "region", label: string, placeholder?: string) => (
    <TextInput label={label} placeholder={placeholder} value={form.values[key]} error={form.errors[key]} onChange={(e) => form.setValue(key, e.currentTarget.value)} required={key === "name"} />
  );

  return (
    <Modal opened={opened} onClose={onClose} title={account ? "Edit account" : "New account"} size="xl">
      <form onSubmit={submit} noValidate>
        {form.formError && (
          <Alert color="red" mb="md">
            {form.formError}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
          {text("name", "Name", "Acme Corp")}
          {text("domain", "Domain", "acme.com")}
          {text("industry", "Industry", "e.g. software")}
          {text("segment", "Segment", "e.g. mid-market")}
          <NumberInput label="Employees" min={0} thousandSeparator="," allowDecimal={false} value={form.values.employees} onChange={(v) => form.setValue("employees", v)} error={form.errors.employees} />
          <NumberInput label={`Annual revenue (${me.workspace.currency})`} min={0} thousandSeparator="," value={form.values.annualRevenue} onChange={(v) => form.setValue("annualRevenue", v)} error={form.errors.annualRevenue} />
          {text("country", "Country")}
          {text("region", "Region", "e.g. EMEA")}
          <MemberSelect label="Owner" value={form.values.ownerId} onChange={(v) => form.setValue("ownerId", v)} error={form.errors.ownerId} placeholder="Unassigned" />
          <Select label="Customer status" data={codeOptions(CUSTOMER_STATUSES)} value={form.values.customerStatus} onChange={(v) => form.setValue("customerStatus", v ?? "prospect")} error={form.errors.customerStatus} allowDeselect={false} />
        </SimpleGrid>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {account ? "Save changes" : "Create account"}
          </Button>
        </Group>
      </form>
    </Modal>
  );
}
