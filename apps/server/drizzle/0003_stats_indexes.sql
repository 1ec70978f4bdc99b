CREATE INDEX "agreements_session_idx" ON "agreements" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "outcomes_agreement_idx" ON "outcomes" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "trainings_session_idx" ON "trainings" USING btree ("session_id");