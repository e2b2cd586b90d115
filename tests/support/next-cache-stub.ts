import { vi } from "vitest";

/**
 * Outside Next's server, "use cache" is an inert string and the cache APIs have
 * no request to attach to: record tag invalidations so tests can assert them.
 */
export const invalidatedTags: string[] = [];

vi.mock("next/cache", () => ({
  cacheLife: () => {},
  cacheTag: () => {},
  revalidateTag: (tag: string) => invalidatedTags.push(tag),
  updateTag: (tag: string) => invalidatedTags.push(tag),
  revalidatePath: () => {},
}));
