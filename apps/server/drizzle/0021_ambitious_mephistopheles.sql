CREATE TABLE "inclusive_meal_vouchers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"person_id" uuid NOT NULL,
	"union_id" uuid,
	"county_code" text NOT NULL,
	"issued_on" date NOT NULL,
	"valid_until" date NOT NULL,
	"value_cents" integer NOT NULL,
	"issued_by" uuid,
	"redeemed_at" timestamp with time zone,
	"redeemed_on" date,
	"point_id" uuid,
	"redeemed_by" uuid
);
--> statement-breakpoint
CREATE TABLE "inclusive_redemption_points" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"county_code" text NOT NULL,
	"union_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inclusive_meal_vouchers" ADD CONSTRAINT "inclusive_meal_vouchers_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inclusive_meal_vouchers" ADD CONSTRAINT "inclusive_meal_vouchers_union_id_unions_id_fk" FOREIGN KEY ("union_id") REFERENCES "public"."unions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inclusive_meal_vouchers" ADD CONSTRAINT "inclusive_meal_vouchers_county_code_regions_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inclusive_meal_vouchers" ADD CONSTRAINT "inclusive_meal_vouchers_point_id_inclusive_redemption_points_id_fk" FOREIGN KEY ("point_id") REFERENCES "public"."inclusive_redemption_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inclusive_redemption_points" ADD CONSTRAINT "inclusive_redemption_points_county_code_regions_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inclusive_redemption_points" ADD CONSTRAINT "inclusive_redemption_points_union_id_unions_id_fk" FOREIGN KEY ("union_id") REFERENCES "public"."unions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "inclusive_vouchers_code_uq" ON "inclusive_meal_vouchers" USING btree ("code");--> statement-breakpoint
CREATE INDEX "inclusive_vouchers_person_idx" ON "inclusive_meal_vouchers" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "inclusive_vouchers_union_idx" ON "inclusive_meal_vouchers" USING btree ("union_id");--> statement-breakpoint
CREATE INDEX "inclusive_vouchers_county_idx" ON "inclusive_meal_vouchers" USING btree ("county_code","redeemed_on");--> statement-breakpoint
CREATE INDEX "inclusive_vouchers_point_idx" ON "inclusive_meal_vouchers" USING btree ("point_id","redeemed_on");--> statement-breakpoint
CREATE INDEX "inclusive_points_county_idx" ON "inclusive_redemption_points" USING btree ("county_code");--> statement-breakpoint
CREATE INDEX "inclusive_points_union_idx" ON "inclusive_redemption_points" USING btree ("union_id");