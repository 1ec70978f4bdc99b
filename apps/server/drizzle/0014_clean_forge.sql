CREATE TABLE "record_corrections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"object_type" text NOT NULL,
	"object_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"reason" text,
	"changes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"by_user_id" uuid,
	"by_name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "voided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "voided_reason" text;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "voided_by_name" text;--> statement-breakpoint
ALTER TABLE "demand_lists" ADD COLUMN "withdrawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "problem_events" ADD COLUMN "by_unit" text;--> statement-breakpoint
ALTER TABLE "problems" ADD COLUMN "voided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "problems" ADD COLUMN "voided_reason" text;--> statement-breakpoint
ALTER TABLE "problems" ADD COLUMN "voided_by_name" text;--> statement-breakpoint
ALTER TABLE "service_sessions" ADD COLUMN "voided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "service_sessions" ADD COLUMN "voided_reason" text;--> statement-breakpoint
ALTER TABLE "service_sessions" ADD COLUMN "voided_by_name" text;--> statement-breakpoint
ALTER TABLE "trainings" ADD COLUMN "voided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "trainings" ADD COLUMN "voided_reason" text;--> statement-breakpoint
ALTER TABLE "trainings" ADD COLUMN "voided_by_name" text;--> statement-breakpoint
ALTER TABLE "record_corrections" ADD CONSTRAINT "record_corrections_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "record_corrections_object_idx" ON "record_corrections" USING btree ("object_id","at");--> statement-breakpoint
CREATE INDEX "record_corrections_by_user_idx" ON "record_corrections" USING btree ("by_user_id");