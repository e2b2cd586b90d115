-- Custom SQL migration: the public full-text search index (SQLite FTS5).
-- One row per item readers can see, rowid = articles.id, holding the words of its
-- published edition. server/search-index.ts keeps it in step inside the publishing
-- transaction (syncArticleSearchEntry) and can rebuild it (rebuildSearchIndex).
-- porter: "meeting" finds "meetings"; remove_diacritics 2: "communique" finds "communiqué".
CREATE VIRTUAL TABLE `article_search` USING fts5(
  title,
  summary,
  body,
  tokenize = 'porter unicode61 remove_diacritics 2'
);
--> statement-breakpoint
-- Backfill for databases that already hold published items: the body text is every
-- "text" leaf of the stored Tiptap JSON, in document order.
INSERT INTO `article_search` (rowid, title, summary, body)
SELECT
  a.id,
  e.title,
  e.summary,
  coalesce((SELECT group_concat(j.value, ' ') FROM json_tree(e.body) AS j WHERE j.key = 'text' AND j.type = 'text'), '')
FROM `articles` AS a
JOIN `article_editions` AS e ON e.id = a.published_edition_id
WHERE a.status = 'published';
