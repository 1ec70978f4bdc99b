CREATE TABLE "people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"resident_id_hash" text NOT NULL,
	"resident_id_enc" text NOT NULL,
	"resident_id_masked" text NOT NULL,
	"phone_enc" text,
	"phone_masked" text,
	"county_code" text NOT NULL,
	"enterprise_id" uuid,
	"employer_name" text,
	"occupation" text,
	"skill_level" text,
	"categories" text[] DEFAULT '{frontLine}'::text[] NOT NULL,
	"expert_id" uuid,
	"platforms" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "union_memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"union_id" uuid NOT NULL,
	"status" text NOT NULL,
	"since" date,
	"until" date,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"note" text,
	"decided_at" timestamp with time zone,
	"decided_by" uuid
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "person_id" uuid;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_county_code_regions_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "union_memberships" ADD CONSTRAINT "union_memberships_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "union_memberships" ADD CONSTRAINT "union_memberships_union_id_unions_id_fk" FOREIGN KEY ("union_id") REFERENCES "public"."unions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "people_resident_id_hash_uq" ON "people" USING btree ("resident_id_hash");--> statement-breakpoint
CREATE INDEX "people_county_idx" ON "people" USING btree ("county_code");--> statement-breakpoint
CREATE INDEX "people_name_idx" ON "people" USING btree ("name");--> statement-breakpoint
CREATE INDEX "people_enterprise_idx" ON "people" USING btree ("enterprise_id");--> statement-breakpoint
CREATE UNIQUE INDEX "union_memberships_current_uq" ON "union_memberships" USING btree ("person_id") WHERE status in ('pending', 'active');--> statement-breakpoint
CREATE INDEX "union_memberships_person_idx" ON "union_memberships" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "union_memberships_union_status_idx" ON "union_memberships" USING btree ("union_id","status");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_person_id_unique" UNIQUE("person_id");