import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { AppError } from "@/lib/errors";

/**
 * A studio page's read through server/, which authorizes it: the record, 404 when there is none,
 * or null when the signed-in person may not see it, for the page to say so (RefusedPage).
 */
export async function readOrRefused<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof AppError && error.type === "not_found") notFound();
    if (error instanceof AppError && error.type === "forbidden") return null;
    throw error;
  }
}

/** What a studio page shows someone whose role does not allow it. */
export function RefusedPage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <h1>{title}</h1>
      <p className="form-error" role="alert">
        {children}
      </p>
    </>
  );
}
