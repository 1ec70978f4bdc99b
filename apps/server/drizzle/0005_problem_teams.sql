CREATE TABLE "problem_team_members" (
	"problem_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	"added_by_user_id" uuid,
	CONSTRAINT "problem_team_members_problem_id_expert_id_pk" PRIMARY KEY("problem_id","expert_id")
);
--> statement-breakpoint
ALTER TABLE "problems" ADD COLUMN "team_size" smallint DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "problem_team_members" ADD CONSTRAINT "problem_team_members_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_team_members" ADD CONSTRAINT "problem_team_members_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_team_members" ADD CONSTRAINT "problem_team_members_added_by_user_id_users_id_fk" FOREIGN KEY ("added_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "problem_team_members_expert_idx" ON "problem_team_members" USING btree ("expert_id");--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_team_size_check" CHECK ("problems"."team_size" between 1 and 3);