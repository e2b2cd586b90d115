import { describe, expect, vi } from "vitest";
import * as page from "@/app/(studio)/studio/media/[id]/page";
import * as actions from "@/app/(studio)/studio/media/actions";
import { uploadMedia } from "@/server/media/upload";
import { integrationTest } from "../support/fixtures";
import { photoJpeg } from "../support/images";
import { actAs } from "../support/session";

const it = integrationTest();

/** A media id that is not a whole positive number is a 4xx with a clear message, never a 500. */
vi.mock("next/navigation", () => ({
  notFound: () => {
    throw Object.assign(new Error("NEXT_HTTP_ERROR_FALLBACK;404"), { digest: "NEXT_HTTP_ERROR_FALLBACK;404" });
  },
  redirect: (to: string) => {
    throw Object.assign(new Error(`NEXT_REDIRECT;${to}`), { digest: `NEXT_REDIRECT;replace;${to};307;` });
  },
}));

function form(values: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  return data;
}

describe("non-numeric media ids", () => {
  it.each(["abc", "", "1.5", "-3", "1e400"])("refuses describing image %j with a 400 result, not a thrown error", async (id) => {
    actAs("editor");
    const result = await actions.updateMediaDescriptionAction(null, form({ id, version: "1", altText: "Alt", caption: "", credit: "" }));
    expect(result).toMatchObject({ ok: false, status: 400, code: "bad_request:media", message: expect.stringMatching(/image/i) });
  });

  it("refuses a non-numeric version the same way", async () => {
    actAs("editor");
    const result = await actions.updateMediaDescriptionAction(
      null,
      form({ id: "1", version: "latest", altText: "Alt", caption: "", credit: "" }),
    );
    expect(result).toMatchObject({ ok: false, status: 400 });
  });

  it("answers the detail page of /studio/media/abc, /0x1 or /1e0 with a 404, not a 500 or image 1", async () => {
    actAs("editor");
    const first = await uploadMedia({ fileName: "one.jpg", bytes: await photoJpeg({ width: 600, height: 400 }) });
    expect(first.id).toBe(1);
    for (const id of ["abc", "0x1", "1e0", "1.0", " 1"]) {
      await expect(page.default({ params: Promise.resolve({ id }) } as never)).rejects.toMatchObject({
        digest: "NEXT_HTTP_ERROR_FALLBACK;404",
      });
    }
  });

  it("refuses deleting a non-numeric id with a 4xx result", async () => {
    actAs("editor");
    const result = await actions.deleteMediaAction(null, form({ id: "abc" }));
    expect(result).toMatchObject({ ok: false, status: 400 });
  });
});
