import { Skeleton, Stack } from "@mantine/core";

/** The placeholder a record page shows while its record loads. */
export function DetailSkeleton() {
  return (
    <Stack>
      <Skeleton h={40} w={360} />
      <Skeleton h={90} />
      <Skeleton h={320} />
    </Stack>
  );
}
