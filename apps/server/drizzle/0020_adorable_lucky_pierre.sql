CREATE TABLE "recuperation_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"union_id" uuid NOT NULL,
	"county_code" text NOT NULL,
	"sex" text,
	"occupation" text,
	"group_rank" integer NOT NULL,
	"choice1" uuid NOT NULL,
	"choice2" uuid,
	"choice3" uuid,
	"last_year" integer,
	"channel" text NOT NULL,
	"entered_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"position" integer,
	"outcome" smallint,
	"drawn_session_id" uuid
);
--> statement-breakpoint
CREATE TABLE "recuperation_bases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"county_code" text NOT NULL,
	"kind" text NOT NULL,
	"capacity" integer NOT NULL,
	"price_per_day" integer NOT NULL,
	"certified_from" date NOT NULL,
	"certified_until" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recuperation_groups" (
	"rank" integer PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"category" text
);
--> statement-breakpoint
CREATE TABLE "recuperation_offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"source" text NOT NULL,
	"status" text DEFAULT 'offered' NOT NULL,
	"offered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "recuperation_quotas" (
	"year" integer NOT NULL,
	"union_id" uuid NOT NULL,
	"quota" integer NOT NULL,
	CONSTRAINT "recuperation_quotas_year_union_id_pk" PRIMARY KEY("year","union_id")
);
--> statement-breakpoint
CREATE TABLE "recuperation_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"name" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"no_repeat_years" integer NOT NULL,
	"offer_hours" integer DEFAULT 48 NOT NULL,
	"seed_hash" text,
	"seed_enc" text,
	"seed" text,
	"progress_done" integer DEFAULT 0 NOT NULL,
	"progress_total" integer DEFAULT 0 NOT NULL,
	"progress_step" text,
	"failure" text,
	"report" jsonb,
	"committed_at" timestamp with time zone,
	"drawn_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recuperation_route_bases" (
	"route_id" uuid NOT NULL,
	"base_id" uuid NOT NULL,
	"days" integer NOT NULL,
	"position" smallint NOT NULL,
	CONSTRAINT "recuperation_route_bases_route_id_position_pk" PRIMARY KEY("route_id","position")
);
--> statement-breakpoint
CREATE TABLE "recuperation_routes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"theme" text NOT NULL,
	"days" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recuperation_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"route_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"capacity" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recuperation_stays" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"offer_id" uuid NOT NULL,
	"base_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"county_code" text NOT NULL,
	"starts_on" date NOT NULL,
	"days" integer NOT NULL,
	"amount_yuan" integer NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "recuperation_applications" ADD CONSTRAINT "recuperation_applications_round_id_recuperation_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."recuperation_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recuperation_applications" ADD CONSTRAINT "recuperation_applications_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recuperation_applications" ADD CONSTRAINT "recuperation_applications_union_id_unions_id_fk" FOREIGN KEY ("union_id") REFERENCES "public"."unions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recuperation_applications" ADD CONSTRAINT "recuperation_applications_county_code_regions_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recuperation_applications" ADD CONSTRAINT "recuperation_applications_choice1_recuperation_sessions_id_fk" FOREIGN KEY ("choice1") REFERENCES "public"."recuperation_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recuperation_applications" ADD CONSTRAINT "recuperation_applications_choice2_recuperation_sessions_id_fk" FOREIGN KEY ("choice2") REFERENCES "public"."recuperation_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recuperation_applications" ADD CONSTRAINT "recuperation_applications_choice3_recuperation_sessions_id_fk" FOREIGN KEY ("choice3") REFERENCES "public"."recuperation_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recuperation_applications" ADD CONSTRAINT "recuperation_applications_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recuperation_applications" ADD CONSTRAINT "recuperation_applications_drawn_session_id_recuperation_sessions_id_fk" FOREIGN KEY ("drawn_session_id") REFERENCES "public"."recuperation_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recuperation_bases" ADD CONSTRAINT "recuperation_bases_county_code_regions_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recuperation_offers" ADD CONSTRAINT "recuperation_offers_application_id_recuperation_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."recuperation_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recuperation_offers" ADD CONSTRAINT "recuperation_offers_session_id_recuperation_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."recuperation_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recuperation_quotas" ADD CONSTRAINT "recuperation_quotas_union_id_unions_id_fk" FOREIGN KEY ("union_id") REFERENCES "public"."unions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recuperation_route_bases" ADD CONSTRAINT "recuperation_route_bases_route_id_recuperation_routes_id_fk" FOREIGN KEY ("route_id") REFERENCES "public"."recuperation_routes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recuperation_route_bases" ADD CONSTRAINT "recuperation_route_bases_base_id_recuperation_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."recuperation_bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recuperation_sessions" ADD CONSTRAINT "recuperation_sessions_route_id_recuperation_routes_id_fk" FOREIGN KEY ("route_id") REFERENCES "public"."recuperation_routes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recuperation_stays" ADD CONSTRAINT "recuperation_stays_offer_id_recuperation_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."recuperation_offers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recuperation_stays" ADD CONSTRAINT "recuperation_stays_base_id_recuperation_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."recuperation_bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recuperation_stays" ADD CONSTRAINT "recuperation_stays_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recuperation_stays" ADD CONSTRAINT "recuperation_stays_county_code_regions_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recuperation_stays" ADD CONSTRAINT "recuperation_stays_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "recuperation_applications_round_person_uq" ON "recuperation_applications" USING btree ("round_id","person_id");--> statement-breakpoint
CREATE INDEX "recuperation_applications_round_position_idx" ON "recuperation_applications" USING btree ("round_id","position");--> statement-breakpoint
CREATE INDEX "recuperation_applications_person_idx" ON "recuperation_applications" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "recuperation_applications_union_idx" ON "recuperation_applications" USING btree ("union_id");--> statement-breakpoint
CREATE INDEX "recuperation_applications_county_idx" ON "recuperation_applications" USING btree ("county_code");--> statement-breakpoint
CREATE INDEX "recuperation_applications_choice1_idx" ON "recuperation_applications" USING btree ("choice1");--> statement-breakpoint
CREATE INDEX "recuperation_applications_choice2_idx" ON "recuperation_applications" USING btree ("choice2");--> statement-breakpoint
CREATE INDEX "recuperation_applications_choice3_idx" ON "recuperation_applications" USING btree ("choice3");--> statement-breakpoint
CREATE INDEX "recuperation_applications_drawn_session_idx" ON "recuperation_applications" USING btree ("drawn_session_id");--> statement-breakpoint
CREATE INDEX "recuperation_applications_entered_by_idx" ON "recuperation_applications" USING btree ("entered_by");--> statement-breakpoint
CREATE UNIQUE INDEX "recuperation_bases_code_uq" ON "recuperation_bases" USING btree ("code");--> statement-breakpoint
CREATE INDEX "recuperation_bases_county_idx" ON "recuperation_bases" USING btree ("county_code");--> statement-breakpoint
CREATE INDEX "recuperation_offers_application_idx" ON "recuperation_offers" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "recuperation_offers_session_status_idx" ON "recuperation_offers" USING btree ("session_id","status");--> statement-breakpoint
CREATE INDEX "recuperation_offers_open_idx" ON "recuperation_offers" USING btree ("expires_at") WHERE status = 'offered';--> statement-breakpoint
CREATE INDEX "recuperation_quotas_union_idx" ON "recuperation_quotas" USING btree ("union_id");--> statement-breakpoint
CREATE INDEX "recuperation_rounds_year_idx" ON "recuperation_rounds" USING btree ("year");--> statement-breakpoint
CREATE INDEX "recuperation_route_bases_base_idx" ON "recuperation_route_bases" USING btree ("base_id");--> statement-breakpoint
CREATE UNIQUE INDEX "recuperation_sessions_code_uq" ON "recuperation_sessions" USING btree ("code");--> statement-breakpoint
CREATE INDEX "recuperation_sessions_route_idx" ON "recuperation_sessions" USING btree ("route_id");--> statement-breakpoint
CREATE INDEX "recuperation_sessions_year_idx" ON "recuperation_sessions" USING btree ("year","starts_on");--> statement-breakpoint
CREATE UNIQUE INDEX "recuperation_stays_offer_base_uq" ON "recuperation_stays" USING btree ("offer_id","base_id");--> statement-breakpoint
CREATE INDEX "recuperation_stays_base_idx" ON "recuperation_stays" USING btree ("base_id");--> statement-breakpoint
CREATE INDEX "recuperation_stays_person_idx" ON "recuperation_stays" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "recuperation_stays_county_idx" ON "recuperation_stays" USING btree ("county_code","starts_on");--> statement-breakpoint
CREATE INDEX "recuperation_stays_recorded_by_idx" ON "recuperation_stays" USING btree ("recorded_by");