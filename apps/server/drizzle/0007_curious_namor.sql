CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"link" text,
	"source_programme" text,
	"source_record_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"channel" text NOT NULL,
	"recipient_enc" text NOT NULL,
	"recipient_masked" text NOT NULL,
	"text" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"not_before" timestamp with time zone,
	"claimed_until" timestamp with time zone,
	"claimed_by" uuid,
	"source_programme" text,
	"source_record_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "todos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"link" text NOT NULL,
	"addressee" text NOT NULL,
	"role" text,
	"region_code" text,
	"union_id" uuid,
	"enterprise_id" uuid,
	"user_id" uuid,
	"source_programme" text NOT NULL,
	"source_record_id" text NOT NULL,
	"due_date" date,
	"raised_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_claimed_by_users_id_fk" FOREIGN KEY ("claimed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "todos" ADD CONSTRAINT "todos_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "outbox" USING btree ("channel","created_at") WHERE status = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "todos_open_source_uq" ON "todos" USING btree ("source_programme","source_record_id","kind") WHERE closed_at is null;--> statement-breakpoint
CREATE INDEX "todos_open_role_idx" ON "todos" USING btree ("role","region_code") WHERE closed_at is null and addressee = 'role';--> statement-breakpoint
CREATE INDEX "todos_open_user_idx" ON "todos" USING btree ("user_id") WHERE closed_at is null;--> statement-breakpoint
CREATE INDEX "todos_open_enterprise_idx" ON "todos" USING btree ("enterprise_id") WHERE closed_at is null;--> statement-breakpoint
CREATE INDEX "todos_open_union_idx" ON "todos" USING btree ("union_id") WHERE closed_at is null;