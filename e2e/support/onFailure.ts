import { beforeEach } from "vitest";
import { failureEvidence } from "./browser";
import { snap } from "./ui";

// When a journey fails, what its browser last showed and did: a screenshot of every open page and
// the journal of API calls, failed answers and console errors (see browser.ts). Printed, so CI's log
// carries it; the screenshots go to the temp folder named in the log.
beforeEach(({ onTestFailed, task }) => {
  onTestFailed(async () => {
    const { browsers, journal } = failureEvidence();
    const pages = browsers.flatMap((b) => b.contexts().flatMap((c) => c.pages()));
    const shots: string[] = [];
    for (const [i, page] of pages.entries()) {
      const name = `failed-${task.name.slice(0, 40).replace(/[^\p{L}\p{N}]+/gu, "-")}-${i}`;
      shots.push(`${page.url()} → ${await snap(page, name).catch((e: unknown) => `no screenshot (${String(e)})`)}`);
    }
    console.log([`“${task.name}” failed. Open pages:`, ...shots, "Last browser events:", ...journal].join("\n  "));
  });
});
