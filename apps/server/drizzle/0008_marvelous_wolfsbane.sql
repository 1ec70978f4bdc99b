CREATE TABLE "indicator_publications" (
	"indicator_key" text NOT NULL,
	"year" integer NOT NULL,
	"published" boolean NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_publications_indicator_key_year_pk" PRIMARY KEY("indicator_key","year")
);
--> statement-breakpoint
CREATE TABLE "targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_key" text NOT NULL,
	"year" integer NOT NULL,
	"region_code" text NOT NULL,
	"value" double precision NOT NULL,
	"q1" double precision,
	"q2" double precision,
	"q3" double precision,
	"status" text DEFAULT 'draft' NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	CONSTRAINT "targets_key_year_region_uq" UNIQUE("indicator_key","year","region_code")
);
--> statement-breakpoint
ALTER TABLE "indicator_publications" ADD CONSTRAINT "indicator_publications_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "targets_year_idx" ON "targets" USING btree ("year");