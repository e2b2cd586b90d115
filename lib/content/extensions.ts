import type { Extensions } from "@tiptap/core";
import Image from "@tiptap/extension-image";
import Link from "@tiptap/extension-link";
import { TableKit } from "@tiptap/extension-table";
import StarterKit from "@tiptap/starter-kit";
import { isSafeLinkUrl, LINK_PROTOCOLS } from "./safe-url";

/**
 * The ONE extension list: the studio editor and the server renderer both use it,
 * so what an editor can make is exactly what the public page can show.
 * lib/content/document-schema.ts mirrors it as a zod schema for stored JSON.
 */
export const articleExtensions: Extensions = [
  StarterKit.configure({
    heading: { levels: [2, 3, 4] },
    code: false,
    codeBlock: false,
    strike: false,
    underline: false,
    link: false,
  }),
  // Not inclusive: a character typed right after a link ("agenda.") is plain text, not part of
  // the link. Tiptap makes links inclusive whenever autolink is on, which swallows it.
  Link.extend({ inclusive: () => false }).configure({
    openOnClick: false,
    autolink: true,
    protocols: [...LINK_PROTOCOLS],
    defaultProtocol: "https",
    isAllowedUri: (url) => isSafeLinkUrl(url),
    HTMLAttributes: { target: null, rel: null, class: null },
  }),
  Image.configure({ inline: false, allowBase64: false }),
  TableKit.configure({ table: { resizable: false } }),
];
