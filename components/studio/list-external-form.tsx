"use client";

import { useId, useState } from "react";

type Link = { url: string; title: string; date: string };

/** An external link with its own title and date; the server checks the scheme and date again. */
export function ListExternalForm({ onAdd }: { onAdd: (link: Link) => void }) {
  const id = useId();
  const [link, setLink] = useState<Link>({ url: "", title: "", date: "" });
  const [error, setError] = useState("");
  function add() {
    if (!/^https?:\/\/\S+$/.test(link.url)) return setError("Give an address starting with http:// or https://.");
    if (!link.title.trim()) return setError("Give the link a title.");
    if (!/^\d{4}-\d{2}-\d{2}$/.test(link.date)) return setError("Give the date as YYYY-MM-DD.");
    setError("");
    onAdd({ ...link, title: link.title.trim() });
    setLink({ url: "", title: "", date: "" });
  }
  return (
    <fieldset className="field list-external">
      <legend>Or add an external link</legend>
      <label htmlFor={`${id}-url`}>Address</label>
      <input
        id={`${id}-url`}
        type="url"
        value={link.url}
        onChange={(e) => setLink({ ...link, url: e.target.value })}
        placeholder="https://"
      />
      <label htmlFor={`${id}-title`}>Title</label>
      <input id={`${id}-title`} value={link.title} maxLength={300} onChange={(e) => setLink({ ...link, title: e.target.value })} />
      <label htmlFor={`${id}-date`}>Date</label>
      <input id={`${id}-date`} type="date" value={link.date} onChange={(e) => setLink({ ...link, date: e.target.value })} />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <button type="button" className="button small secondary" onClick={add}>
        Add link
      </button>
    </fieldset>
  );
}
