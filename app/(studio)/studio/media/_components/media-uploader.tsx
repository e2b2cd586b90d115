"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState, type DragEvent } from "react";

type Upload = { id: string; name: string; progress: number; state: "uploading" | "done" | "failed"; message?: string; mediaId?: number };

const ACCEPT = "image/jpeg,image/png,image/webp,image/avif";

/** One XMLHttpRequest per file: fetch() cannot report upload progress. */
function send(file: File, onProgress: (percent: number) => void): Promise<{ ok: true; id: number } | { ok: false; message: string }> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/studio/media/upload");
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () => {
      const body = xhr.response as { media?: { id: number }; error?: { message: string } } | null;
      if (xhr.status === 201 && body?.media) resolve({ ok: true, id: body.media.id });
      else if (xhr.status === 401) resolve({ ok: false, message: "Your session has ended. Sign in again, then retry." });
      else resolve({ ok: false, message: body?.error?.message ?? `The upload failed (HTTP ${xhr.status}).` });
    };
    xhr.onerror = () => resolve({ ok: false, message: "The connection dropped during the upload. Check your network and retry." });
    const form = new FormData();
    form.set("file", file);
    xhr.send(form);
  });
}

export function MediaUploader({ maxBytes }: { maxBytes: number }) {
  const router = useRouter();
  const inputId = useId();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [dragging, setDragging] = useState(false);
  const limitMb = Math.round(maxBytes / (1024 * 1024));

  const update = (id: string, patch: Partial<Upload>) => setUploads((all) => all.map((u) => (u.id === id ? { ...u, ...patch } : u)));

  async function start(files: File[]) {
    const batch = files.map((file) => ({
      file,
      entry: { id: crypto.randomUUID(), name: file.name, progress: 0, state: "uploading" as const },
    }));
    setUploads((all) => [...batch.map((b) => b.entry), ...all]);
    // One file at a time: the server processes images one by one anyway (and refuses when its queue is full).
    for (const { file, entry } of batch) {
      if (file.size > maxBytes) {
        update(entry.id, { state: "failed", message: `“${file.name}” was not uploaded: it is larger than the ${limitMb} MB limit.` });
        continue;
      }
      const result = await send(file, (progress) => update(entry.id, { progress }));
      // Every refusal names its file, whatever produced it (server, session, network).
      const message =
        !result.ok && !result.message.includes(file.name)
          ? `“${file.name}” was not uploaded: ${result.message}`
          : !result.ok
            ? result.message
            : undefined;
      update(entry.id, result.ok ? { state: "done", progress: 100, mediaId: result.id } : { state: "failed", message });
    }
    router.refresh();
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    const files = Array.from(event.dataTransfer.files);
    if (files.length) void start(files);
  }

  return (
    <>
      <div
        className={dragging ? "drop-zone dragging" : "drop-zone"}
        onDragOver={(e) => (e.preventDefault(), setDragging(true))}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p>Drag images here, or choose them with the button below.</p>
        <label htmlFor={inputId}>Choose images to upload</label>{" "}
        <input
          id={inputId}
          type="file"
          multiple
          accept={ACCEPT}
          aria-describedby={`${inputId}-hint`}
          onChange={(e) => {
            const files = Array.from(e.target.files ?? []);
            e.target.value = "";
            if (files.length) void start(files);
          }}
        />
        <p className="hint" id={`${inputId}-hint`}>
          JPEG, PNG, WebP or AVIF, up to {limitMb} MB each. Location and camera data are removed.
        </p>
      </div>
      {uploads.length > 0 && (
        <ul className="upload-list" aria-label="Uploads">
          {uploads.map((u) => (
            <li key={u.id}>
              {u.state === "uploading" && (
                <div
                  className="upload-bar"
                  role="progressbar"
                  aria-label={`Uploading ${u.name}`}
                  aria-valuemin={0}
                  aria-valuemax={100}
                  aria-valuenow={u.progress}
                  aria-valuetext={`${u.progress}%`}
                  style={{ background: `linear-gradient(to right, #1d4ed8 ${u.progress}%, #e2e8f0 ${u.progress}%)` }}
                />
              )}
              {u.state === "uploading" && <span>{u.name}: uploading and preparing sizes…</span>}
              {u.state === "done" && (
                <p role="status">
                  “{u.name}” uploaded. <Link href={`/studio/media/${u.mediaId}`}>Add its alt text</Link> before using it.
                </p>
              )}
              {u.state === "failed" && (
                <p className="form-error" role="alert">
                  {u.message}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
