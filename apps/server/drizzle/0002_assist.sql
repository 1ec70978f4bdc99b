CREATE TABLE "agreement_check_ins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"date" date NOT NULL,
	"note" text NOT NULL,
	"by_user_id" uuid,
	"by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreement_experts" (
	"agreement_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	CONSTRAINT "agreement_experts_agreement_id_expert_id_pk" PRIMARY KEY("agreement_id","expert_id")
);
--> statement-breakpoint
CREATE TABLE "agreement_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"title" text NOT NULL,
	"due_date" date NOT NULL,
	"done_on" date
);
--> statement-breakpoint
CREATE TABLE "agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"county_code" text NOT NULL,
	"title" text NOT NULL,
	"scopes" text[] NOT NULL,
	"signed_on" date NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"session_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"year" integer NOT NULL,
	"region_codes" text[] DEFAULT '{}' NOT NULL,
	"priority_only" boolean DEFAULT false NOT NULL,
	"targets" jsonb NOT NULL,
	"owner_region_code" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "experts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"resident_id_enc" text,
	"resident_id_masked" text,
	"phone_enc" text NOT NULL,
	"phone_masked" text NOT NULL,
	"employer" text NOT NULL,
	"home_county_code" text NOT NULL,
	"skill_level" text NOT NULL,
	"trades" text[] NOT NULL,
	"honours" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"availability" text DEFAULT 'available' NOT NULL,
	"max_open_problems" integer DEFAULT 3 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "experts_user_id_unique" UNIQUE("user_id")
);
--> statement-breakpoint
CREATE TABLE "outcomes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"problem_id" uuid,
	"agreement_id" uuid,
	"county_code" text NOT NULL,
	"economic_benefit_yuan" numeric(15, 2) NOT NULL,
	"verified_benefit_yuan" numeric(15, 2),
	"labor_intensity_reduction_pct" numeric(5, 2),
	"failure_rate_reduction_pct" numeric(5, 2),
	"note" text,
	"estimated_on" date NOT NULL,
	"estimated_by" uuid,
	"verified_on" date,
	"verified_by" uuid,
	"enterprise_confirmed" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "demand_lists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"county_code" text NOT NULL,
	"submitted_by" uuid,
	"source" text NOT NULL,
	"note" text,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "problem_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"problem_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"by_user_id" uuid,
	"by_name" text NOT NULL,
	"by_role" text NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "problem_ratings" (
	"problem_id" uuid PRIMARY KEY NOT NULL,
	"score" integer NOT NULL,
	"comment" text,
	"by_user_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "problems" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"no" bigint GENERATED ALWAYS AS IDENTITY (sequence name "problems_no_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"enterprise_id" uuid NOT NULL,
	"county_code" text NOT NULL,
	"demand_list_id" uuid,
	"session_id" uuid,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"trade" text NOT NULL,
	"urgency" text DEFAULT 'normal' NOT NULL,
	"status" text NOT NULL,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"owner_expert_id" uuid,
	"solution" text,
	"solved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_needs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"demand_list_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"county_code" text NOT NULL,
	"topic" text NOT NULL,
	"workers" integer NOT NULL,
	"status" text DEFAULT 'open' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"date" date NOT NULL,
	"county_code" text NOT NULL,
	"title" text NOT NULL,
	"campaign_id" uuid,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_enterprises" (
	"session_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	CONSTRAINT "session_enterprises_session_id_enterprise_id_pk" PRIMARY KEY("session_id","enterprise_id")
);
--> statement-breakpoint
CREATE TABLE "session_experts" (
	"session_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"leader" boolean DEFAULT false NOT NULL,
	CONSTRAINT "session_experts_session_id_expert_id_pk" PRIMARY KEY("session_id","expert_id")
);
--> statement-breakpoint
CREATE TABLE "training_trainers" (
	"training_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	CONSTRAINT "training_trainers_training_id_expert_id_pk" PRIMARY KEY("training_id","expert_id")
);
--> statement-breakpoint
CREATE TABLE "trainings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"date" date NOT NULL,
	"topic" text NOT NULL,
	"county_code" text NOT NULL,
	"enterprise_id" uuid,
	"trainees" integer NOT NULL,
	"session_id" uuid,
	"agreement_id" uuid,
	"campaign_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agreement_check_ins" ADD CONSTRAINT "agreement_check_ins_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_check_ins" ADD CONSTRAINT "agreement_check_ins_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_experts" ADD CONSTRAINT "agreement_experts_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_experts" ADD CONSTRAINT "agreement_experts_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_milestones" ADD CONSTRAINT "agreement_milestones_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_county_code_regions_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_session_id_service_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."service_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experts" ADD CONSTRAINT "experts_home_county_code_regions_code_fk" FOREIGN KEY ("home_county_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experts" ADD CONSTRAINT "experts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcomes" ADD CONSTRAINT "outcomes_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcomes" ADD CONSTRAINT "outcomes_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcomes" ADD CONSTRAINT "outcomes_county_code_regions_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcomes" ADD CONSTRAINT "outcomes_estimated_by_users_id_fk" FOREIGN KEY ("estimated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcomes" ADD CONSTRAINT "outcomes_verified_by_users_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demand_lists" ADD CONSTRAINT "demand_lists_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demand_lists" ADD CONSTRAINT "demand_lists_county_code_regions_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demand_lists" ADD CONSTRAINT "demand_lists_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_events" ADD CONSTRAINT "problem_events_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_events" ADD CONSTRAINT "problem_events_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_ratings" ADD CONSTRAINT "problem_ratings_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_ratings" ADD CONSTRAINT "problem_ratings_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_county_code_regions_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_demand_list_id_demand_lists_id_fk" FOREIGN KEY ("demand_list_id") REFERENCES "public"."demand_lists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_session_id_service_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."service_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_owner_expert_id_experts_id_fk" FOREIGN KEY ("owner_expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_needs" ADD CONSTRAINT "training_needs_demand_list_id_demand_lists_id_fk" FOREIGN KEY ("demand_list_id") REFERENCES "public"."demand_lists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_needs" ADD CONSTRAINT "training_needs_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_needs" ADD CONSTRAINT "training_needs_county_code_regions_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_sessions" ADD CONSTRAINT "service_sessions_county_code_regions_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_sessions" ADD CONSTRAINT "service_sessions_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_sessions" ADD CONSTRAINT "service_sessions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_enterprises" ADD CONSTRAINT "session_enterprises_session_id_service_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."service_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_enterprises" ADD CONSTRAINT "session_enterprises_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_experts" ADD CONSTRAINT "session_experts_session_id_service_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."service_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_experts" ADD CONSTRAINT "session_experts_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_trainers" ADD CONSTRAINT "training_trainers_training_id_trainings_id_fk" FOREIGN KEY ("training_id") REFERENCES "public"."trainings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_trainers" ADD CONSTRAINT "training_trainers_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trainings" ADD CONSTRAINT "trainings_county_code_regions_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trainings" ADD CONSTRAINT "trainings_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trainings" ADD CONSTRAINT "trainings_session_id_service_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."service_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trainings" ADD CONSTRAINT "trainings_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trainings" ADD CONSTRAINT "trainings_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trainings" ADD CONSTRAINT "trainings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreement_check_ins_agreement_idx" ON "agreement_check_ins" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "agreement_milestones_agreement_idx" ON "agreement_milestones" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "agreements_county_idx" ON "agreements" USING btree ("county_code");--> statement-breakpoint
CREATE INDEX "agreements_enterprise_idx" ON "agreements" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "experts_home_county_idx" ON "experts" USING btree ("home_county_code");--> statement-breakpoint
CREATE INDEX "experts_trades_idx" ON "experts" USING gin ("trades");--> statement-breakpoint
CREATE INDEX "outcomes_county_idx" ON "outcomes" USING btree ("county_code","estimated_on");--> statement-breakpoint
CREATE INDEX "outcomes_problem_idx" ON "outcomes" USING btree ("problem_id");--> statement-breakpoint
CREATE INDEX "demand_lists_enterprise_idx" ON "demand_lists" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "demand_lists_county_idx" ON "demand_lists" USING btree ("county_code");--> statement-breakpoint
CREATE INDEX "problem_events_problem_idx" ON "problem_events" USING btree ("problem_id","at");--> statement-breakpoint
CREATE INDEX "problems_county_status_idx" ON "problems" USING btree ("county_code","status");--> statement-breakpoint
CREATE INDEX "problems_enterprise_idx" ON "problems" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "problems_session_idx" ON "problems" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "problems_owner_idx" ON "problems" USING btree ("owner_expert_id");--> statement-breakpoint
CREATE INDEX "problems_solved_at_idx" ON "problems" USING btree ("solved_at");--> statement-breakpoint
CREATE INDEX "training_needs_county_idx" ON "training_needs" USING btree ("county_code");--> statement-breakpoint
CREATE INDEX "service_sessions_county_date_idx" ON "service_sessions" USING btree ("county_code","date");--> statement-breakpoint
CREATE INDEX "service_sessions_campaign_idx" ON "service_sessions" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "session_enterprises_enterprise_idx" ON "session_enterprises" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "session_experts_expert_idx" ON "session_experts" USING btree ("expert_id");--> statement-breakpoint
CREATE INDEX "trainings_county_date_idx" ON "trainings" USING btree ("county_code","date");--> statement-breakpoint
CREATE INDEX "trainings_campaign_idx" ON "trainings" USING btree ("campaign_id");