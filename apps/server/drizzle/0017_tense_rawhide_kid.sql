CREATE TABLE "station_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"station_id" uuid NOT NULL,
	"checked_at" timestamp with time zone NOT NULL,
	"checked_by" uuid,
	"amenities" text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "station_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"receipt_code" text NOT NULL,
	"station_id" uuid NOT NULL,
	"county_code" text NOT NULL,
	"kind" text NOT NULL,
	"amenity" text,
	"note" text DEFAULT '' NOT NULL,
	"observed_at" timestamp with time zone NOT NULL,
	"reported_at" timestamp with time zone NOT NULL,
	"due_date" date NOT NULL,
	"outcome" text,
	"answer" text,
	"answered_at" timestamp with time zone,
	"answered_by" uuid,
	CONSTRAINT "station_reports_receipt_code_unique" UNIQUE("receipt_code")
);
--> statement-breakpoint
CREATE TABLE "station_visits" (
	"station_id" uuid NOT NULL,
	"day" date NOT NULL,
	"hour" smallint NOT NULL,
	"occupation" text NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "station_visits_station_id_day_hour_occupation_pk" PRIMARY KEY("station_id","day","hour","occupation")
);
--> statement-breakpoint
CREATE TABLE "stations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"host_kind" text NOT NULL,
	"host_org" text NOT NULL,
	"address" text NOT NULL,
	"lng" double precision NOT NULL,
	"lat" double precision NOT NULL,
	"county_code" text NOT NULL,
	"union_id" uuid NOT NULL,
	"manager_name" text NOT NULL,
	"manager_phone_enc" text NOT NULL,
	"manager_phone_masked" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"closed_until" date,
	"removed_reason" text,
	"amenities" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"local_items" text[] DEFAULT '{}' NOT NULL,
	"opening_hours" text DEFAULT '' NOT NULL,
	"is_24h" boolean DEFAULT false NOT NULL,
	"hours_verified_at" timestamp with time zone,
	"upgrade_claimed_year" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "upskilling_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" serial NOT NULL,
	"year" integer NOT NULL,
	"person_id" uuid NOT NULL,
	"applicant_user_id" uuid,
	"person_name" text NOT NULL,
	"resident_id_masked" text NOT NULL,
	"county_code" text NOT NULL,
	"city_code" text NOT NULL,
	"union_id" uuid NOT NULL,
	"priority" boolean NOT NULL,
	"priority_groups" text[] DEFAULT '{}'::text[] NOT NULL,
	"kind" text NOT NULL,
	"level" text NOT NULL,
	"certificate_number" text NOT NULL,
	"issued_on" date NOT NULL,
	"has_labour_contract" boolean NOT NULL,
	"bank_name" text NOT NULL,
	"bank_account_enc" text NOT NULL,
	"bank_account_masked" text NOT NULL,
	"amount_yuan" integer NOT NULL,
	"status" text NOT NULL,
	"stage" text,
	"reason" text,
	"batch_id" uuid,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"approved_at" timestamp with time zone,
	"paid_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "upskilling_batch_items" (
	"batch_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"amount_yuan" integer NOT NULL,
	"result" text DEFAULT 'open' NOT NULL,
	"reason" text,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "upskilling_payment_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" serial NOT NULL,
	"year" integer NOT NULL,
	"city_code" text NOT NULL,
	"created_by_user_id" uuid NOT NULL,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "upskilling_payment_batches_seq_uq" UNIQUE("seq")
);
--> statement-breakpoint
CREATE TABLE "upskilling_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"decision" text NOT NULL,
	"reason" text,
	"reviewer_user_id" uuid NOT NULL,
	"reviewer_name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "station_checks" ADD CONSTRAINT "station_checks_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_checks" ADD CONSTRAINT "station_checks_checked_by_users_id_fk" FOREIGN KEY ("checked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_reports" ADD CONSTRAINT "station_reports_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_reports" ADD CONSTRAINT "station_reports_county_code_regions_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_reports" ADD CONSTRAINT "station_reports_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_visits" ADD CONSTRAINT "station_visits_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stations" ADD CONSTRAINT "stations_county_code_regions_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stations" ADD CONSTRAINT "stations_union_id_unions_id_fk" FOREIGN KEY ("union_id") REFERENCES "public"."unions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "upskilling_applications" ADD CONSTRAINT "upskilling_applications_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "upskilling_applications" ADD CONSTRAINT "upskilling_applications_county_code_regions_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "upskilling_applications" ADD CONSTRAINT "upskilling_applications_union_id_unions_id_fk" FOREIGN KEY ("union_id") REFERENCES "public"."unions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "upskilling_applications" ADD CONSTRAINT "upskilling_applications_batch_id_upskilling_payment_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."upskilling_payment_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "upskilling_batch_items" ADD CONSTRAINT "upskilling_batch_items_batch_id_upskilling_payment_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."upskilling_payment_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "upskilling_batch_items" ADD CONSTRAINT "upskilling_batch_items_application_id_upskilling_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."upskilling_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "upskilling_reviews" ADD CONSTRAINT "upskilling_reviews_application_id_upskilling_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."upskilling_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "station_checks_station_idx" ON "station_checks" USING btree ("station_id","checked_at");--> statement-breakpoint
CREATE INDEX "station_checks_by_idx" ON "station_checks" USING btree ("checked_by");--> statement-breakpoint
CREATE INDEX "station_reports_station_idx" ON "station_reports" USING btree ("station_id","reported_at");--> statement-breakpoint
CREATE INDEX "station_reports_county_idx" ON "station_reports" USING btree ("county_code","reported_at");--> statement-breakpoint
CREATE INDEX "station_reports_by_idx" ON "station_reports" USING btree ("answered_by");--> statement-breakpoint
CREATE INDEX "station_visits_day_idx" ON "station_visits" USING btree ("day");--> statement-breakpoint
CREATE INDEX "stations_county_idx" ON "stations" USING btree ("county_code");--> statement-breakpoint
CREATE INDEX "stations_union_idx" ON "stations" USING btree ("union_id");--> statement-breakpoint
CREATE INDEX "stations_claimed_idx" ON "stations" USING btree ("upgrade_claimed_year");--> statement-breakpoint
CREATE UNIQUE INDEX "upskilling_applications_seq_uq" ON "upskilling_applications" USING btree ("seq");--> statement-breakpoint
CREATE UNIQUE INDEX "upskilling_applications_certificate_uq" ON "upskilling_applications" USING btree ("kind","certificate_number") WHERE status <> 'rejected';--> statement-breakpoint
CREATE INDEX "upskilling_applications_person_idx" ON "upskilling_applications" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "upskilling_applications_year_county_idx" ON "upskilling_applications" USING btree ("year","county_code","status");--> statement-breakpoint
CREATE INDEX "upskilling_applications_union_idx" ON "upskilling_applications" USING btree ("union_id");--> statement-breakpoint
CREATE INDEX "upskilling_applications_batch_idx" ON "upskilling_applications" USING btree ("batch_id");--> statement-breakpoint
CREATE UNIQUE INDEX "upskilling_batch_items_pk" ON "upskilling_batch_items" USING btree ("batch_id","application_id");--> statement-breakpoint
CREATE INDEX "upskilling_batch_items_application_idx" ON "upskilling_batch_items" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "upskilling_reviews_application_idx" ON "upskilling_reviews" USING btree ("application_id");