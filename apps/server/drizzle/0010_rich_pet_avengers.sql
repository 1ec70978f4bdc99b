CREATE TABLE "idempotency_keys" (
	"user_id" uuid NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"owner" text NOT NULL,
	"claimed_at" timestamp with time zone NOT NULL,
	"committed_at" timestamp with time zone,
	"response_status" integer,
	"response_type" text,
	"response_body" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_user_id_key_pk" PRIMARY KEY("user_id","key")
);
--> statement-breakpoint
CREATE INDEX "idempotency_keys_created_idx" ON "idempotency_keys" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "users_region_idx" ON "users" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "users_enterprise_idx" ON "users" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "users_union_idx" ON "users" USING btree ("union_id");--> statement-breakpoint
CREATE INDEX "agreement_experts_expert_idx" ON "agreement_experts" USING btree ("expert_id");--> statement-breakpoint
CREATE INDEX "demand_lists_submitted_idx" ON "demand_lists" USING btree ("submitted_at","id");--> statement-breakpoint
CREATE INDEX "problems_demand_list_idx" ON "problems" USING btree ("demand_list_id");--> statement-breakpoint
CREATE INDEX "problems_status_idx" ON "problems" USING btree ("status");--> statement-breakpoint
CREATE INDEX "problems_status_changed_idx" ON "problems" USING btree ("status_changed_at","no");--> statement-breakpoint
CREATE INDEX "training_needs_demand_list_idx" ON "training_needs" USING btree ("demand_list_id");--> statement-breakpoint
CREATE INDEX "training_needs_enterprise_idx" ON "training_needs" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "training_trainers_expert_idx" ON "training_trainers" USING btree ("expert_id");--> statement-breakpoint
CREATE INDEX "trainings_enterprise_idx" ON "trainings" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "trainings_agreement_idx" ON "trainings" USING btree ("agreement_id");