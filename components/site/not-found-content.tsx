import Link from "next/link";
import { listCategories } from "@/server/public-news";

/** The helpful 404: what may have happened, and where to go instead. */
export async function NotFoundContent() {
  const categories = await listCategories();
  return (
    <div className="not-found">
      <h1>Page not found</h1>
      <p>
        There is no published news item at this address. It may have been mistyped, or the item may not be published
        yet.
      </p>
      <ul>
        <li>
          <Link href="/">Read the latest news</Link>
        </li>
        {categories.map((c) => (
          <li key={c.slug}>
            <Link href={`/category/${c.slug}`}>Browse {c.name}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
