import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { Navigate, useNavigate, useSearchParams } from "react-router";
import { LoginBodySchema } from "../../../../shared/contracts/auth.js";
import { isApiError } from "../../../lib/api-error";
import { useFormState } from "../../../lib/use-form-state";
import { AuthLayout } from "../components/auth-layout";
import { useLogin } from "../hooks/use-login";
import { useMe } from "../hooks/use-me";

/** Where to go after signing in: a same-app path from `?next=`, or home. */
function safeNext(next: string | null): string {
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/login") ? next : "/";
}

/** The sign-in page at /login. */
export function LoginPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const me = useMe();
  const login = useLogin();
  const form = useFormState({ email: "", password: "" });
  const next = safeNext(params.get("next"));

  if (me.data) return <Navigate to={next} replace />;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const body = form.validate(LoginBodySchema, form.values);
    if (!body) return;
    try {
      await login.mutateAsync(body);
      navigate(next, { replace: true });
    } catch (err) {
      if (isApiError(err, "unauthenticated")) form.setFormError("Wrong e-mail or password. Check both and try again.");
      else if (isApiError(err, "rate_limited")) form.setFormError(`Too many sign-in attempts. ${err.message}`);
      else form.applyServerError(err, ["email", "password"], true);
    }
  };

  return (
    <AuthLayout>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <div>
            <Title order={2}>Sign in</Title>
            <Text c="dimmed" fz="sm" mt={4}>
              Welcome back. Use your work e-mail.
            </Text>
          </div>
          {form.formError && (
            <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert" data-testid="login-error">
              {form.formError}
            </Alert>
          )}
          <TextInput
            label="E-mail"
            type="email"
            autoComplete="username"
            autoFocus
            required
            value={form.values.email}
            error={form.errors.email}
            onChange={(e) => form.setValue("email", e.currentTarget.value)}
          />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            required
            value={form.values.password}
            error={form.errors.password}
            onChange={(e) => form.setValue("password", e.currentTarget.value)}
          />
          <Button type="submit" loading={login.isPending} fullWidth>
            Sign in
          </Button>
          <Text fz="xs" c="dimmed">
            No account yet? Ask your workspace admin for an invitation. API access: see{" "}
            <Anchor href="/api/docs" fz="xs">
              the API docs
            </Anchor>
            .
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  );
}
