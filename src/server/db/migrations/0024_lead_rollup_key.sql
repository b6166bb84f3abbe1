-- lead_rollup gets a key like every tenant table (DESIGN §5): rows sharing a key and bucket are told apart by id.
ALTER TABLE "lead_rollup" ADD COLUMN "id" bigint NOT NULL GENERATED ALWAYS AS IDENTITY (sequence name "lead_rollup_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1);--> statement-breakpoint
ALTER TABLE "lead_rollup" ADD CONSTRAINT "lead_rollup_workspace_id_id_pk" PRIMARY KEY("workspace_id","id");
