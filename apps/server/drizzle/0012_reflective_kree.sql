CREATE INDEX "targets_region_idx" ON "targets" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "people_expert_idx" ON "people" USING btree ("expert_id");