import { describe, expect } from "vitest";
import * as queue from "@/server/media/processing-queue";
import * as upload from "@/server/media/upload";
import { integrationTest } from "../support/fixtures";
import { photoJpeg, smallPng } from "../support/images";
import { failure } from "../support/workflow";

const it = integrationTest();

/**
 * Decoding an image costs memory by its pixels, not its bytes (a 5 KB PNG can
 * be 40 megapixels), so processing is a bounded queue: a few at a time, and a
 * pixel budget beyond which an upload is refused with "try again shortly".
 * The bound is observed through the queue's own counters, never timing.
 */

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe("the image processing queue", () => {
  it("runs one job at a time, queues the next, and refuses work past its pixel budget with a retry hint", async () => {
    const q = queue.createProcessingQueue({ concurrency: 1, pixelBudget: 100, maxWaiting: 4 });
    const gateA = deferred();
    const gateB = deferred();
    const a = q.run(40, () => gateA.promise.then(() => "a"));
    const b = q.run(40, () => gateB.promise.then(() => "b"));
    await Promise.resolve();
    expect(q.stats()).toMatchObject({ running: 1, waiting: 1, queuedPixels: 80 });
    const refused = await failure(q.run(30, async () => "c"));
    expect(refused).toMatchObject({
      code: "rate_limited:media",
      status: 429,
      message: expect.stringMatching(/busy.*try again/i),
      details: { retryAfterSeconds: expect.any(Number) },
    });
    gateA.resolve();
    expect(await a).toBe("a");
    await Promise.resolve();
    expect(q.stats()).toMatchObject({ running: 1, waiting: 0, queuedPixels: 40 });
    gateB.resolve();
    expect(await b).toBe("b");
    expect(q.stats()).toMatchObject({ running: 0, waiting: 0, queuedPixels: 0, peakRunning: 1 });
  });

  it("always admits one image when idle, and frees its place when the job fails", async () => {
    const q = queue.createProcessingQueue({ concurrency: 1, pixelBudget: 100, maxWaiting: 4 });
    await expect(q.run(100, async () => Promise.reject(new Error("decode failed")))).rejects.toThrow("decode failed");
    expect(q.stats()).toMatchObject({ running: 0, queuedPixels: 0 });
    expect(await q.run(100, async () => "ok")).toBe("ok");
  });

  it("refuses a job when too many already wait, whatever their size", async () => {
    const q = queue.createProcessingQueue({ concurrency: 1, pixelBudget: 1_000, maxWaiting: 1 });
    const gate = deferred();
    const first = q.run(1, () => gate.promise);
    const second = q.run(1, () => gate.promise);
    expect((await failure(q.run(1, async () => undefined))).status).toBe(429);
    gate.resolve();
    await Promise.all([first, second]);
  });

  it("never processes more than one upload at once, however many arrive together", async ({ actAs }) => {
    actAs("writer");
    queue.mediaProcessingQueue.resetPeak();
    const files = await Promise.all([
      photoJpeg({ width: 1200, height: 800 }),
      photoJpeg({ width: 900, height: 600 }),
      smallPng(),
      photoJpeg({ width: 700, height: 500 }),
    ]);
    const stored = await Promise.all(files.map((bytes, i) => upload.uploadMedia({ fileName: `parallel-${i}.jpg`, bytes })));
    expect(stored).toHaveLength(4);
    expect(queue.mediaProcessingQueue.stats()).toMatchObject({ peakRunning: 1, running: 0, queuedPixels: 0 });
  });
});
