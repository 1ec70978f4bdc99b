CREATE SEQUENCE "public"."member_no_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "benefit_items" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"region_code" text,
	"description" text DEFAULT '' NOT NULL,
	"categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"min_member_days" integer DEFAULT 0 NOT NULL,
	"yearly_limit" integer,
	"sort_order" integer DEFAULT 100 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "benefit_ledger" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"item_code" text NOT NULL,
	"year" integer NOT NULL,
	"occurred_on" date NOT NULL,
	"county_code" text NOT NULL,
	"union_id" uuid,
	"programme" text NOT NULL,
	"source_key" text NOT NULL,
	"amount_cents" integer,
	"note" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "members" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"member_no" text NOT NULL,
	"card_token" text NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "benefit_items" ADD CONSTRAINT "benefit_items_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefit_ledger" ADD CONSTRAINT "benefit_ledger_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefit_ledger" ADD CONSTRAINT "benefit_ledger_item_code_benefit_items_code_fk" FOREIGN KEY ("item_code") REFERENCES "public"."benefit_items"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefit_ledger" ADD CONSTRAINT "benefit_ledger_county_code_regions_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefit_ledger" ADD CONSTRAINT "benefit_ledger_union_id_unions_id_fk" FOREIGN KEY ("union_id") REFERENCES "public"."unions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "benefit_items_region_idx" ON "benefit_items" USING btree ("region_code");--> statement-breakpoint
CREATE UNIQUE INDEX "benefit_ledger_source_uq" ON "benefit_ledger" USING btree ("source_key");--> statement-breakpoint
CREATE INDEX "benefit_ledger_person_item_year_idx" ON "benefit_ledger" USING btree ("person_id","item_code","year");--> statement-breakpoint
CREATE INDEX "benefit_ledger_item_year_county_idx" ON "benefit_ledger" USING btree ("item_code","year","county_code");--> statement-breakpoint
CREATE INDEX "benefit_ledger_county_idx" ON "benefit_ledger" USING btree ("county_code");--> statement-breakpoint
CREATE INDEX "benefit_ledger_union_idx" ON "benefit_ledger" USING btree ("union_id");--> statement-breakpoint
CREATE UNIQUE INDEX "members_member_no_uq" ON "members" USING btree ("member_no");--> statement-breakpoint
CREATE UNIQUE INDEX "members_card_token_uq" ON "members" USING btree ("card_token");--> statement-breakpoint
-- The nine standard 普惠服务 items (docs/members.md): data, so a union edits limits and eligibility without a release.
INSERT INTO "benefit_items" ("code", "name", "kind", "description", "categories", "min_member_days", "yearly_limit", "sort_order") VALUES
  ('visit', '走访慰问', 'standard', '工会上门走访、节日慰问', '{}', 0, 4, 1),
  ('healthCheck', '健康体检', 'standard', '每年一次免费健康体检', '{}', 0, 1, 2),
  ('mutualAid', '医疗互助', 'standard', '职工医疗互助保障，住院、门诊补助', '{}', 0, 3, 3),
  ('meal', '爱心午餐(10元餐)', 'standard', '合作食堂、驿站凭餐券就餐，工会补贴', '{}', 0, 250, 4),
  ('skills', '技能培训', 'standard', '免费技能培训与学历、技能提升', '{}', 0, 2, 5),
  ('legalAid', '法律援助', 'standard', '劳动争议咨询、代理', '{}', 0, NULL, 6),
  ('counselling', '心理咨询', 'standard', '心理健康咨询与疏导', '{}', 0, 6, 7),
  ('recuperation', '疗休养', 'standard', '职工疗休养', '{}', 180, 1, 8),
  ('hardship', '困难帮扶', 'standard', '困难职工帮扶救助', '{}', 0, 2, 9)
ON CONFLICT ("code") DO NOTHING;
