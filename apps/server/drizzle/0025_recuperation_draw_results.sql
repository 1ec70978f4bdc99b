CREATE TABLE "recuperation_draw_results" (
	"round_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"position" integer,
	"outcome" smallint NOT NULL,
	"session_id" uuid,
	CONSTRAINT "recuperation_draw_results_round_id_application_id_pk" PRIMARY KEY("round_id","application_id")
);
--> statement-breakpoint
ALTER TABLE "recuperation_applications" DROP CONSTRAINT "recuperation_applications_drawn_session_id_recuperation_sessions_id_fk";
--> statement-breakpoint
DROP INDEX "recuperation_applications_round_position_idx";--> statement-breakpoint
DROP INDEX "recuperation_applications_drawn_session_idx";--> statement-breakpoint
CREATE INDEX "recuperation_draw_results_round_position_idx" ON "recuperation_draw_results" USING btree ("round_id","position");--> statement-breakpoint
-- Hand-added: rounds drawn before this migration keep their results (rows with an outcome were drawn).
INSERT INTO "recuperation_draw_results" ("round_id", "application_id", "position", "outcome", "session_id")
SELECT "round_id", "id", "position", "outcome", "drawn_session_id" FROM "recuperation_applications" WHERE "outcome" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "recuperation_applications" DROP COLUMN "position";--> statement-breakpoint
ALTER TABLE "recuperation_applications" DROP COLUMN "outcome";--> statement-breakpoint
ALTER TABLE "recuperation_applications" DROP COLUMN "drawn_session_id";