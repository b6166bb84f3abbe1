CREATE TABLE "account_review_contacts" (
	"workspace_id" uuid NOT NULL,
	"review_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	CONSTRAINT "account_review_contacts_workspace_id_review_id_contact_id_pk" PRIMARY KEY("workspace_id","review_id","contact_id")
);
--> statement-breakpoint
CREATE TABLE "account_review_members" (
	"workspace_id" uuid NOT NULL,
	"review_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "account_review_members_workspace_id_review_id_user_id_pk" PRIMARY KEY("workspace_id","review_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "account_reviews" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"title" text NOT NULL,
	"agenda" text,
	"outcomes" text,
	"next_steps" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "account_reviews_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "campaign_whitespace_targets" (
	"workspace_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"segment" text,
	"customer_status" text DEFAULT 'customer' NOT NULL,
	CONSTRAINT "campaign_whitespace_targets_workspace_id_campaign_id_pk" PRIMARY KEY("workspace_id","campaign_id")
);
--> statement-breakpoint
CREATE TABLE "deal_products" (
	"workspace_id" uuid NOT NULL,
	"deal_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	CONSTRAINT "deal_products_workspace_id_deal_id_product_id_pk" PRIMARY KEY("workspace_id","deal_id","product_id")
);
--> statement-breakpoint
ALTER TABLE "account_review_contacts" ADD CONSTRAINT "account_review_contacts_workspace_id_review_id_account_reviews_workspace_id_id_fk" FOREIGN KEY ("workspace_id","review_id") REFERENCES "public"."account_reviews"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_review_contacts" ADD CONSTRAINT "account_review_contacts_workspace_id_contact_id_contacts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","contact_id") REFERENCES "public"."contacts"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_review_members" ADD CONSTRAINT "account_review_members_workspace_id_review_id_account_reviews_workspace_id_id_fk" FOREIGN KEY ("workspace_id","review_id") REFERENCES "public"."account_reviews"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_review_members" ADD CONSTRAINT "account_review_members_workspace_id_user_id_memberships_workspace_id_user_id_fk" FOREIGN KEY ("workspace_id","user_id") REFERENCES "public"."memberships"("workspace_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_reviews" ADD CONSTRAINT "account_reviews_workspace_id_account_id_accounts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","account_id") REFERENCES "public"."accounts"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_reviews" ADD CONSTRAINT "account_reviews_workspace_id_created_by_memberships_workspace_id_user_id_fk" FOREIGN KEY ("workspace_id","created_by") REFERENCES "public"."memberships"("workspace_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_whitespace_targets" ADD CONSTRAINT "campaign_whitespace_targets_workspace_id_campaign_id_campaigns_workspace_id_id_fk" FOREIGN KEY ("workspace_id","campaign_id") REFERENCES "public"."campaigns"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_whitespace_targets" ADD CONSTRAINT "campaign_whitespace_targets_workspace_id_product_id_products_workspace_id_id_fk" FOREIGN KEY ("workspace_id","product_id") REFERENCES "public"."products"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_products" ADD CONSTRAINT "deal_products_workspace_id_deal_id_deals_workspace_id_id_fk" FOREIGN KEY ("workspace_id","deal_id") REFERENCES "public"."deals"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_products" ADD CONSTRAINT "deal_products_workspace_id_product_id_products_workspace_id_id_fk" FOREIGN KEY ("workspace_id","product_id") REFERENCES "public"."products"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_review_contacts_contact_idx" ON "account_review_contacts" USING btree ("workspace_id","contact_id");--> statement-breakpoint
CREATE INDEX "account_reviews_account_idx" ON "account_reviews" USING btree ("workspace_id","account_id","scheduled_at");--> statement-breakpoint
CREATE INDEX "account_reviews_status_idx" ON "account_reviews" USING btree ("workspace_id","status","scheduled_at");--> statement-breakpoint
CREATE INDEX "campaign_whitespace_targets_product_idx" ON "campaign_whitespace_targets" USING btree ("workspace_id","product_id");--> statement-breakpoint
CREATE INDEX "deal_products_product_idx" ON "deal_products" USING btree ("workspace_id","product_id","deal_id");--> statement-breakpoint
SELECT tandem_enable_tenant_rls(t::regclass) FROM unnest(ARRAY['deal_products', 'account_reviews', 'account_review_members', 'account_review_contacts', 'campaign_whitespace_targets']) AS t;
