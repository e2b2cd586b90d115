"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

type Item = { href: string; label: string };

/** Marks the current section for screen readers and sighted users alike. */
export function StudioNav({ items }: { items: Item[] }) {
  const path = usePathname();
  return (
    <nav aria-label="Studio">
      <ul>
        {items.map((item) => {
          const current = item.href === "/studio" ? path === "/studio" : path.startsWith(item.href);
          return (
            <li key={item.href}>
              <Link href={item.href} aria-current={current ? "page" : undefined}>
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
