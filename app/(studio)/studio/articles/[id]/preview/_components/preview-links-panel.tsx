import { CreatePreviewLinkForm } from "@/components/studio/create-preview-link-form";
import { RevokePreviewLinkForm } from "@/components/studio/revoke-preview-link-form";
import { formatTokyoDateTime } from "@/lib/dates";
import { DEFAULT_PREVIEW_LINK_LIFETIME, listPreviewLinks, PREVIEW_LINK_LIFETIMES } from "@/server/workflow/preview-links";
import { createPreviewLinkAction, revokePreviewLinkAction } from "../actions";

const LIFETIME_CHOICES = Object.entries(PREVIEW_LINK_LIFETIMES).map(([value, { label }]) => ({ value, label }));

/** For publishers: share the newest edition with someone without an account, and take links back. */
export async function PreviewLinksPanel({ articleId }: { articleId: number }) {
  const links = await listPreviewLinks({ articleId });
  return (
    <section className="preview-links" aria-labelledby="preview-links-heading">
      <h2 id="preview-links-heading">Preview links</h2>
      <p className="hint">
        A preview link shows the newest version of this item, as readers would see it, to someone without an account. Links expire on their
        own; revoke one as soon as it is no longer needed.
      </p>
      <CreatePreviewLinkForm
        articleId={articleId}
        lifetimes={LIFETIME_CHOICES}
        defaultLifetime={DEFAULT_PREVIEW_LINK_LIFETIME}
        action={createPreviewLinkAction}
      />
      <h3>Active links</h3>
      {links.length === 0 ? (
        <p>No active preview links.</p>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">Active preview links of this item</caption>
          <thead>
            <tr>
              <th scope="col">Created by</th>
              <th scope="col">Created (Tokyo time)</th>
              <th scope="col">Expires (Tokyo time)</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {links.map((link) => (
              <tr key={link.id}>
                <td>{link.createdBy}</td>
                <td>{formatTokyoDateTime(link.createdAt)}</td>
                <td>{formatTokyoDateTime(link.expiresAt)}</td>
                <td>
                  <RevokePreviewLinkForm
                    articleId={articleId}
                    linkId={link.id}
                    label={`Revoke the link created by ${link.createdBy} at ${formatTokyoDateTime(link.createdAt)}`}
                    action={revokePreviewLinkAction}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
