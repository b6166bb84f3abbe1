import { useEffect, useState } from "react";
import { Button, Group, List, Stack, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { isApiError, errorMessage } from "../../../lib/api-error";
import { useSaveCaptureOrigins } from "../hooks/use-capture-settings";

/** The errors of a save, keyed by line: `allowedOrigins.2` is the third line. */
function lineErrors(err: unknown): string[] {
  if (!isApiError(err, "validation_failed")) return [errorMessage(err)];
  return err.details.map((d) => {
    const m = /allowedOrigins\.(\d+)/.exec(d.path);
    return m ? `Line ${Number(m[1]) + 1}: ${d.message}` : `${d.path.replace(/^body\./, "")}: ${d.message}`;
  });
}

/** One allowed origin per line; admins save, managers read. */
export function OriginsEditor({ origins, editable }: { origins: string[]; editable: boolean }) {
  const [text, setText] = useState(origins.join("\n"));
  const save = useSaveCaptureOrigins();
  useEffect(() => setText(origins.join("\n")), [origins]);
  const lines = text.split("\n").map((l) => l.trim()).filter(Boolean);
  const errors = save.isError ? lineErrors(save.error) : [];

  return (
    <Stack gap="xs">
      <Textarea
        label="Allowed origins"
        description="One per line, like https://www.example.com or https://shop.example.com:8443 (http only for localhost). Pages on other origins cannot send data with this key."
        autosize
        minRows={3}
        value={text}
        readOnly={!editable}
        onChange={(e) => setText(e.currentTarget.value)}
        error={errors.length ? " " : undefined}
        data-testid="capture-origins"
      />
      {errors.length > 0 && (
        <List size="sm" c="red" data-testid="capture-origins-errors">
          {errors.map((e) => (
            <List.Item key={e}>{e}</List.Item>
          ))}
        </List>
      )}
      {editable && (
        <Group justify="flex-end">
          <Text fz="xs" c="dimmed">
            {lines.length} origin{lines.length === 1 ? "" : "s"}
          </Text>
          <Button
            loading={save.isPending}
            onClick={() => save.mutate({ allowedOrigins: lines }, { onSuccess: () => notifications.show({ color: "teal", message: "Allowed origins saved" }) })}
          >
            Save origins
          </Button>
        </Group>
      )}
    </Stack>
  );
}
