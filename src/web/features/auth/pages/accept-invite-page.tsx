import { Alert, Button, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { useNavigate, useParams } from "react-router";
import { AcceptInviteBodySchema } from "../../../../shared/contracts/auth.js";
import { LIMITS } from "../../../../shared/limits.js";
import { isApiError } from "../../../lib/api-error";
import { useFormState } from "../../../lib/use-form-state";
import { AuthLayout } from "../components/auth-layout";
import { useAcceptInvite } from "../hooks/use-accept-invite";

/** The invitation page at /invite/:token: choose a name and password, then land in the workspace. */
export function AcceptInvitePage() {
  const { token = "" } = useParams();
  const navigate = useNavigate();
  const accept = useAcceptInvite();
  const form = useFormState({ name: "", password: "", confirm: "" });

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (form.values.password !== form.values.confirm) {
      form.setErrors({ confirm: "The two passwords differ" });
      return;
    }
    const body = form.validate(AcceptInviteBodySchema, {
      token,
      password: form.values.password,
      ...(form.values.name.trim() ? { name: form.values.name } : {}),
    });
    if (!body) return;
    try {
      await accept.mutateAsync(body);
      navigate("/", { replace: true });
    } catch (err) {
      if (isApiError(err, "not_found", "unauthenticated", "conflict")) {
        form.setFormError("This invitation link is invalid, already used or expired. Ask your admin for a new one.");
      } else form.applyServerError(err, ["name", "password"], true);
    }
  };

  return (
    <AuthLayout>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <div>
            <Title order={2}>Join your team on Tandem</Title>
            <Text c="dimmed" fz="sm" mt={4}>
              Set a password to accept the invitation.
            </Text>
          </div>
          {(form.formError || form.errors.token) && (
            <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert">
              {form.formError ?? "This invitation link is malformed."}
            </Alert>
          )}
          <TextInput
            label="Your name"
            description="Leave empty to keep the name your admin entered"
            autoComplete="name"
            value={form.values.name}
            error={form.errors.name}
            onChange={(e) => form.setValue("name", e.currentTarget.value)}
          />
          <PasswordInput
            label="Password"
            description={`At least ${LIMITS.password.min} characters`}
            autoComplete="new-password"
            required
            value={form.values.password}
            error={form.errors.password}
            onChange={(e) => form.setValue("password", e.currentTarget.value)}
          />
          <PasswordInput
            label="Repeat password"
            autoComplete="new-password"
            required
            value={form.values.confirm}
            error={form.errors.confirm}
            onChange={(e) => form.setValue("confirm", e.currentTarget.value)}
          />
          <Button type="submit" loading={accept.isPending} fullWidth>
            Accept invitation
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
