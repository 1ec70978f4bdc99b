CREATE INDEX "outcomes_estimated_on_idx" ON "outcomes" USING btree ("estimated_on");--> statement-breakpoint
CREATE INDEX "service_sessions_date_idx" ON "service_sessions" USING btree ("date");--> statement-breakpoint
CREATE INDEX "trainings_date_idx" ON "trainings" USING btree ("date");