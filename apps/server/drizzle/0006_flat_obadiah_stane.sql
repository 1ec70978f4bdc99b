CREATE TABLE "union_enterprises" (
	"union_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	CONSTRAINT "union_enterprises_union_id_enterprise_id_pk" PRIMARY KEY("union_id","enterprise_id")
);
--> statement-breakpoint
CREATE TABLE "unions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"formation" text,
	"region_code" text NOT NULL,
	"parent_id" uuid,
	"founded_on" date,
	"chair_name" text,
	"member_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "union_id" uuid;--> statement-breakpoint
ALTER TABLE "union_enterprises" ADD CONSTRAINT "union_enterprises_union_id_unions_id_fk" FOREIGN KEY ("union_id") REFERENCES "public"."unions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "union_enterprises" ADD CONSTRAINT "union_enterprises_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unions" ADD CONSTRAINT "unions_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unions" ADD CONSTRAINT "unions_parent_id_unions_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."unions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "union_enterprises_enterprise_idx" ON "union_enterprises" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "unions_parent_idx" ON "unions" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "unions_region_idx" ON "unions" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "unions_name_idx" ON "unions" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "unions_federation_region_uq" ON "unions" USING btree ("region_code") WHERE kind in ('provincial', 'city', 'county');--> statement-breakpoint
CREATE UNIQUE INDEX "unions_parent_name_uq" ON "unions" USING btree ("parent_id","name");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_union_id_unions_id_fk" FOREIGN KEY ("union_id") REFERENCES "public"."unions"("id") ON DELETE no action ON UPDATE no action;