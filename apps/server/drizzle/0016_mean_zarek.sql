CREATE TABLE "competition_appeals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"registration_id" uuid NOT NULL,
	"text" text NOT NULL,
	"lodged_by" uuid NOT NULL,
	"lodged_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"decision_note" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "competition_conflicts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"judge_user_id" uuid NOT NULL,
	"registration_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"refused_at" timestamp with time zone DEFAULT now() NOT NULL,
	"refused_for" uuid
);
--> statement-breakpoint
CREATE TABLE "competition_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"competition_id" uuid NOT NULL,
	"name" text NOT NULL,
	"trade_code" text NOT NULL,
	"trade_name" text NOT NULL,
	"scheme" jsonb NOT NULL,
	"prize_counts" jsonb NOT NULL,
	"eligibility" jsonb NOT NULL,
	"appeal_window_minutes" integer DEFAULT 120 NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"entry_numbers_drawn_at" timestamp with time zone,
	"judging_opened_at" timestamp with time zone,
	"chief_signed_at" timestamp with time zone,
	"chief_signed_by" uuid,
	"supervisor_signed_at" timestamp with time zone,
	"supervisor_signed_by" uuid,
	"published_at" timestamp with time zone,
	"final_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "competition_marks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"registration_id" uuid NOT NULL,
	"aspect_key" text NOT NULL,
	"judge_user_id" uuid NOT NULL,
	"mark" numeric(8, 2),
	"entered_at" timestamp with time zone,
	"verification" text,
	"verified_by" uuid,
	"verified_at" timestamp with time zone,
	"verification_note" text
);
--> statement-breakpoint
CREATE TABLE "competition_panel_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"duty" text NOT NULL,
	"employer_enterprise_id" uuid,
	"employer_name" text,
	"trainee_person_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "competition_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"county_code" text NOT NULL,
	"union_id" uuid,
	"registered_by" text NOT NULL,
	"registered_by_user" uuid,
	"status" text DEFAULT 'registered' NOT NULL,
	"entry_number" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "competition_results" (
	"registration_id" uuid PRIMARY KEY NOT NULL,
	"event_id" uuid NOT NULL,
	"total" numeric(8, 2) NOT NULL,
	"place" integer NOT NULL,
	"prize" text
);
--> statement-breakpoint
CREATE TABLE "competitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"tier" text NOT NULL,
	"level" text NOT NULL,
	"organiser_union_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"venue" text NOT NULL,
	"county_code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gold_blue_collars" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"registration_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"place" integer NOT NULL,
	"status" text DEFAULT 'nominated' NOT NULL,
	"certificate_no" text,
	"check_token" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"year" smallint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "competition_appeals" ADD CONSTRAINT "competition_appeals_event_id_competition_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."competition_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_appeals" ADD CONSTRAINT "competition_appeals_registration_id_competition_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."competition_registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_appeals" ADD CONSTRAINT "competition_appeals_lodged_by_users_id_fk" FOREIGN KEY ("lodged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_appeals" ADD CONSTRAINT "competition_appeals_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_conflicts" ADD CONSTRAINT "competition_conflicts_event_id_competition_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."competition_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_conflicts" ADD CONSTRAINT "competition_conflicts_judge_user_id_users_id_fk" FOREIGN KEY ("judge_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_conflicts" ADD CONSTRAINT "competition_conflicts_registration_id_competition_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."competition_registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_conflicts" ADD CONSTRAINT "competition_conflicts_refused_for_users_id_fk" FOREIGN KEY ("refused_for") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_events" ADD CONSTRAINT "competition_events_competition_id_competitions_id_fk" FOREIGN KEY ("competition_id") REFERENCES "public"."competitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_events" ADD CONSTRAINT "competition_events_chief_signed_by_users_id_fk" FOREIGN KEY ("chief_signed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_events" ADD CONSTRAINT "competition_events_supervisor_signed_by_users_id_fk" FOREIGN KEY ("supervisor_signed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_marks" ADD CONSTRAINT "competition_marks_event_id_competition_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."competition_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_marks" ADD CONSTRAINT "competition_marks_registration_id_competition_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."competition_registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_marks" ADD CONSTRAINT "competition_marks_judge_user_id_users_id_fk" FOREIGN KEY ("judge_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_marks" ADD CONSTRAINT "competition_marks_verified_by_users_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_panel_members" ADD CONSTRAINT "competition_panel_members_event_id_competition_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."competition_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_panel_members" ADD CONSTRAINT "competition_panel_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_panel_members" ADD CONSTRAINT "competition_panel_members_employer_enterprise_id_enterprises_id_fk" FOREIGN KEY ("employer_enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_registrations" ADD CONSTRAINT "competition_registrations_event_id_competition_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."competition_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_registrations" ADD CONSTRAINT "competition_registrations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_registrations" ADD CONSTRAINT "competition_registrations_county_code_regions_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_registrations" ADD CONSTRAINT "competition_registrations_union_id_unions_id_fk" FOREIGN KEY ("union_id") REFERENCES "public"."unions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_registrations" ADD CONSTRAINT "competition_registrations_registered_by_user_users_id_fk" FOREIGN KEY ("registered_by_user") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_results" ADD CONSTRAINT "competition_results_registration_id_competition_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."competition_registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_results" ADD CONSTRAINT "competition_results_event_id_competition_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."competition_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competitions" ADD CONSTRAINT "competitions_organiser_union_id_unions_id_fk" FOREIGN KEY ("organiser_union_id") REFERENCES "public"."unions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competitions" ADD CONSTRAINT "competitions_county_code_regions_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gold_blue_collars" ADD CONSTRAINT "gold_blue_collars_event_id_competition_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."competition_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gold_blue_collars" ADD CONSTRAINT "gold_blue_collars_registration_id_competition_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."competition_registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gold_blue_collars" ADD CONSTRAINT "gold_blue_collars_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gold_blue_collars" ADD CONSTRAINT "gold_blue_collars_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "competition_appeals_event_idx" ON "competition_appeals" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "competition_appeals_registration_idx" ON "competition_appeals" USING btree ("registration_id");--> statement-breakpoint
CREATE INDEX "competition_appeals_lodged_idx" ON "competition_appeals" USING btree ("lodged_by");--> statement-breakpoint
CREATE INDEX "competition_appeals_decided_idx" ON "competition_appeals" USING btree ("decided_by");--> statement-breakpoint
CREATE INDEX "competition_conflicts_event_idx" ON "competition_conflicts" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "competition_conflicts_judge_idx" ON "competition_conflicts" USING btree ("judge_user_id");--> statement-breakpoint
CREATE INDEX "competition_conflicts_registration_idx" ON "competition_conflicts" USING btree ("registration_id");--> statement-breakpoint
CREATE INDEX "competition_conflicts_for_idx" ON "competition_conflicts" USING btree ("refused_for");--> statement-breakpoint
CREATE INDEX "competition_events_competition_idx" ON "competition_events" USING btree ("competition_id");--> statement-breakpoint
CREATE INDEX "competition_events_chief_idx" ON "competition_events" USING btree ("chief_signed_by");--> statement-breakpoint
CREATE INDEX "competition_events_supervisor_idx" ON "competition_events" USING btree ("supervisor_signed_by");--> statement-breakpoint
CREATE UNIQUE INDEX "competition_marks_slot_uq" ON "competition_marks" USING btree ("registration_id","aspect_key","judge_user_id");--> statement-breakpoint
CREATE INDEX "competition_marks_event_idx" ON "competition_marks" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "competition_marks_judge_idx" ON "competition_marks" USING btree ("judge_user_id");--> statement-breakpoint
CREATE INDEX "competition_marks_verifier_idx" ON "competition_marks" USING btree ("verified_by");--> statement-breakpoint
CREATE UNIQUE INDEX "competition_panel_event_user_uq" ON "competition_panel_members" USING btree ("event_id","user_id");--> statement-breakpoint
CREATE INDEX "competition_panel_user_idx" ON "competition_panel_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "competition_panel_employer_idx" ON "competition_panel_members" USING btree ("employer_enterprise_id");--> statement-breakpoint
CREATE UNIQUE INDEX "competition_registrations_event_person_uq" ON "competition_registrations" USING btree ("event_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "competition_registrations_entry_uq" ON "competition_registrations" USING btree ("event_id","entry_number") WHERE entry_number is not null;--> statement-breakpoint
CREATE INDEX "competition_registrations_person_idx" ON "competition_registrations" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "competition_registrations_county_idx" ON "competition_registrations" USING btree ("county_code");--> statement-breakpoint
CREATE INDEX "competition_registrations_union_idx" ON "competition_registrations" USING btree ("union_id");--> statement-breakpoint
CREATE INDEX "competition_registrations_user_idx" ON "competition_registrations" USING btree ("registered_by_user");--> statement-breakpoint
CREATE INDEX "competition_results_event_idx" ON "competition_results" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "competitions_organiser_idx" ON "competitions" USING btree ("organiser_union_id");--> statement-breakpoint
CREATE INDEX "competitions_county_year_idx" ON "competitions" USING btree ("county_code","year");--> statement-breakpoint
CREATE INDEX "competitions_year_idx" ON "competitions" USING btree ("year");--> statement-breakpoint
CREATE UNIQUE INDEX "gold_blue_collars_registration_uq" ON "gold_blue_collars" USING btree ("registration_id");--> statement-breakpoint
CREATE UNIQUE INDEX "gold_blue_collars_certificate_uq" ON "gold_blue_collars" USING btree ("certificate_no");--> statement-breakpoint
CREATE INDEX "gold_blue_collars_event_idx" ON "gold_blue_collars" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "gold_blue_collars_person_idx" ON "gold_blue_collars" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "gold_blue_collars_decided_idx" ON "gold_blue_collars" USING btree ("decided_by");