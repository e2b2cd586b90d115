import type { Signatory } from "@/lib/vocabulary";

export function Signatories({ signatories }: { signatories: Signatory[] }) {
  if (signatories.length === 0) return null;
  return (
    <section className="signatories" aria-label="Signatories">
      <ul>
        {signatories.map((s) => (
          <li key={`${s.name}|${s.title}`}>
            <span className="signatory-name">{s.name}</span>
            <span className="signatory-title">{s.title}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
