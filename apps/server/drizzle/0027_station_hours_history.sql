CREATE TABLE "station_hours_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"station_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"opening_hours" text NOT NULL,
	"is_24h" boolean NOT NULL,
	"verified" boolean NOT NULL
);
--> statement-breakpoint
ALTER TABLE "station_hours_history" ADD CONSTRAINT "station_hours_history_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "station_hours_history_station_idx" ON "station_hours_history" USING btree ("station_id","recorded_at");--> statement-breakpoint
-- Backfill (hand-written): the stations saved before this table existed get one row, their current hours from
-- their creation, verified when their hours carry a check date. That is all the record there was; it keeps
-- every figure counted before this migration as it was (they read the current 24 h flag), and rows from here
-- on are exact.
INSERT INTO "station_hours_history" ("station_id", "recorded_at", "opening_hours", "is_24h", "verified")
SELECT "id", "created_at", "opening_hours", "is_24h", "hours_verified_at" IS NOT NULL FROM "stations";
