import { Alert, Button, Grid, TextInput } from "@mantine/core";
import { DateInput } from "@mantine/dates";
import { notifications } from "@mantine/notifications";
import { IconPlus } from "@tabler/icons-react";
import { CreateReviewActionBodySchema } from "../../../../shared/contracts/reviews.js";
import { MemberSelect } from "../../../components/member-select";
import { useFormState } from "../../../lib/use-form-state";
import { useAddReviewAction } from "../hooks/use-reviews";

const FIELDS = ["title", "ownerId", "dueOn"];
type Values = { title: string; ownerId: string | null; dueOn: string | null };
const EMPTY: Values = { title: "", ownerId: null, dueOn: null };

/** Records an action agreed in the review: what, who owns it, by when. */
export function AddActionForm({ reviewId }: { reviewId: string }) {
  const add = useAddReviewAction(reviewId);
  const form = useFormState<Values>(EMPTY);
  const { values, errors } = form;

  const submit = () => {
    const body = form.validate(CreateReviewActionBodySchema, { title: values.title.trim(), ownerId: values.ownerId ?? undefined, dueOn: values.dueOn ?? undefined });
    if (!body) return;
    add.mutate(body, {
      onSuccess: (a) => {
        form.reset(EMPTY);
        notifications.show({ color: "teal", message: `Action recorded for ${a.ownerName}` });
      },
      onError: (err) => form.applyServerError(err, FIELDS, true),
    });
  };

  return (
    <form
      data-testid="add-action-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Grid gap="sm" align="flex-end">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <TextInput label="New action" placeholder="What was agreed" value={values.title} onChange={(e) => form.setValue("title", e.currentTarget.value)} error={errors.title} maxLength={500} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
          <MemberSelect label="Owner" placeholder="Who owns it" clearable={false} value={values.ownerId} onChange={(v) => form.setValue("ownerId", v)} error={errors.ownerId} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, md: 2 }}>
          <DateInput label="Due date" placeholder="YYYY-MM-DD" valueFormat="YYYY-MM-DD" value={values.dueOn} onChange={(v) => form.setValue("dueOn", v)} error={errors.dueOn} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 2 }}>
          <Button type="submit" fullWidth leftSection={<IconPlus size={16} />} loading={add.isPending}>
            Add action
          </Button>
        </Grid.Col>
      </Grid>
      {form.formError && (
        <Alert color="red" mt="sm" role="alert">
          {form.formError}
        </Alert>
      )}
    </form>
  );
}
