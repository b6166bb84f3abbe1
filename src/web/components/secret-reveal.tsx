import { ActionIcon, Alert, Code, CopyButton, Group, Text, Tooltip } from "@mantine/core";
import { IconCheck, IconCopy, IconKey } from "@tabler/icons-react";

/** A value shown once (an API token, an invitation link) with a copy button and a warning that it won't be shown again. */
export function SecretReveal({ title, value, note, testId }: { title: string; value: string; note: string; testId?: string }) {
  return (
    <Alert color="teal" variant="light" icon={<IconKey size={18} />} title={title} data-testid={testId}>
      <Group gap="xs" wrap="nowrap" mt={4}>
        <Code block style={{ flex: 1, overflowWrap: "anywhere", whiteSpace: "pre-wrap" }} data-testid={testId ? `${testId}-value` : undefined}>
          {value}
        </Code>
        <CopyButton value={value} timeout={2000}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? "Copied" : "Copy"} withArrow>
              <ActionIcon variant={copied ? "filled" : "light"} color="teal" onClick={copy} aria-label="Copy" size="lg">
                {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      </Group>
      <Text fz="xs" c="dimmed" mt="xs">
        {note}
      </Text>
    </Alert>
  );
}
