import { z } from "zod";
import { urgencySchema } from "./demand";
import { problemStatusSchema } from "./problemLifecycle";

/** Where an expert goes: the firm, its address and whom to ask for (the phone is read in full by an audited call). */
export const taskEnterpriseSchema = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string().nullable(),
  cityName: z.string(),
  countyName: z.string(),
  countyCode: z.string(),
  contactName: z.string(),
  contactPhoneMasked: z.string(),
});
export type TaskEnterprise = z.infer<typeof taskEnterpriseSchema>;

/** A visit (服务场次) the expert is on, today or later. */
export const taskVisitSchema = z.object({
  sessionId: z.string(),
  date: z.string(),
  title: z.string(),
  countyName: z.string(),
  enterprises: z.array(taskEnterpriseSchema),
});
export type TaskVisit = z.infer<typeof taskVisitSchema>;

/** One open problem the expert serves, with its next visit to the firm when one is planned. */
export const myTaskSchema = z.object({
  problemId: z.string(),
  code: z.string(),
  title: z.string(),
  status: problemStatusSchema,
  urgency: urgencySchema,
  /** 负责专家 or 协助专家. */
  role: z.enum(["owner", "helper"]),
  enterprise: taskEnterpriseSchema,
  nextVisit: z.object({ sessionId: z.string(), date: z.string(), title: z.string() }).nullable(),
  lastActivityAt: z.string(),
  photoCount: z.number().int(),
});
export type MyTask = z.infer<typeof myTaskSchema>;

/** 我的任务: an expert's open problems (today's visits first) and its coming visits. */
export const myTasksSchema = z.object({
  /** China date the list was made for; "today" on the page. */
  today: z.string(),
  tasks: z.array(myTaskSchema),
  visits: z.array(taskVisitSchema),
});
export type MyTasks = z.infer<typeof myTasksSchema>;
