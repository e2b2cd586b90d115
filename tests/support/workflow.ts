import { AppError } from "@/lib/errors";

/** The AppError a call fails with (the test fails if it succeeds or throws something else). */
export async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

export const body = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

export function draftPayload(id: number, version: number, overrides: Record<string, unknown> = {}) {
  return {
    id,
    version,
    title: `Workflow item ${id}`,
    slug: `workflow-item-${id}`,
    summary: "A news item moving through review.",
    categoryId: 1,
    datelineDate: "2026-11-20",
    signatories: [],
    tags: [],
    body: body(`Words of item ${id}.`),
    ...overrides,
  };
}
