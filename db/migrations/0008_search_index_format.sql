-- Custom SQL migration: which format the rows of `article_search` were written in.
-- Format 2 cuts runs of Japanese into words (lib/search-words.ts), which SQL cannot do, so a
-- database whose index is older is rebuilt from the published items when it is next prepared
-- (db/setup.ts, ensureSearchIndexFormat); 0 here means "written before formats were recorded".
CREATE TABLE `search_index_format` (
  `id` integer PRIMARY KEY CHECK (`id` = 1),
  `format` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `search_index_format` (`id`, `format`) VALUES (1, 0);
