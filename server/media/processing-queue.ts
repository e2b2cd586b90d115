import "server-only";
import { AppError } from "@/lib/errors";

/**
 * Decoding an image costs memory by its pixels, not its bytes: a 5 KB PNG can
 * be 40 megapixels, ~190 MB once decoded. So image work runs through a
 * bounded queue: `concurrency` jobs at once, the rest waiting in line, and
 * nothing new accepted once the pixels running and waiting would pass
 * `pixelBudget` (or `maxWaiting` jobs already wait). A refusal is a 429 with
 * a retry hint; one image is always admitted when the queue is idle.
 */
export type QueueLimits = { concurrency: number; pixelBudget: number; maxWaiting: number };
export type QueueStats = { running: number; waiting: number; queuedPixels: number; peakRunning: number };

/** Rough processing rate on a small shared server, for the retry hint only. */
const PIXELS_PER_SECOND = 10_000_000;

export function createProcessingQueue(limits: QueueLimits) {
  let slotsTaken = 0;
  let running = 0;
  let peakRunning = 0;
  let queuedPixels = 0;
  const waiting: (() => void)[] = [];

  const busy = () => {
    const retryAfterSeconds = Math.max(1, Math.ceil(queuedPixels / PIXELS_PER_SECOND));
    return new AppError(
      "rate_limited:media",
      `The server is busy processing other images. Nothing was stored; try again in about ${retryAfterSeconds} seconds.`,
      { retryAfterSeconds },
    );
  };

  async function acquire(): Promise<void> {
    if (slotsTaken < limits.concurrency) {
      slotsTaken++;
      return;
    }
    // The finishing job hands its slot straight to us, so no newcomer can slip in between.
    await new Promise<void>((resolve) => waiting.push(resolve));
  }

  function release(): void {
    const next = waiting.shift();
    if (next) next();
    else slotsTaken--;
  }

  async function run<T>(pixels: number, job: () => Promise<T>): Promise<T> {
    const idle = queuedPixels === 0;
    if (!idle && (queuedPixels + pixels > limits.pixelBudget || waiting.length >= limits.maxWaiting)) throw busy();
    queuedPixels += pixels;
    try {
      await acquire();
      running++;
      peakRunning = Math.max(peakRunning, running);
      try {
        return await job();
      } finally {
        running--;
        release();
      }
    } finally {
      queuedPixels -= pixels;
    }
  }

  return {
    run,
    stats: (): QueueStats => ({ running, waiting: waiting.length, queuedPixels, peakRunning }),
    /** For tests and diagnostics: start counting the peak afresh. */
    resetPeak: () => {
      peakRunning = running;
    },
  };
}

/**
 * The one queue every upload goes through (per process). One image at a time
 * on a small server; at most three 40-megapixel images' worth in line.
 */
export const mediaProcessingQueue = createProcessingQueue({ concurrency: 1, pixelBudget: 120_000_000, maxWaiting: 8 });
