DROP INDEX `articles_public_idx`;--> statement-breakpoint
DROP INDEX `articles_category_public_idx`;--> statement-breakpoint
ALTER TABLE `articles` ADD `first_published_month` text GENERATED ALWAYS AS (strftime('%Y-%m', first_published_at / 1000 + 32400, 'unixepoch')) VIRTUAL;--> statement-breakpoint
CREATE INDEX `articles_archive_month_idx` ON `articles` (`status`,`first_published_month`,`published_edition_id`,`category_id`,`first_published_at`,`public_updated_at`);--> statement-breakpoint
CREATE INDEX `articles_public_idx` ON `articles` (`status`,`first_published_at`,`published_edition_id`,`category_id`,`public_updated_at`);--> statement-breakpoint
CREATE INDEX `articles_category_public_idx` ON `articles` (`category_id`,`status`,`first_published_at`,`published_edition_id`,`public_updated_at`);--> statement-breakpoint
CREATE INDEX `article_editions_updated_idx` ON `article_editions` (`updated_at`,`article_id`);--> statement-breakpoint
CREATE INDEX `article_editions_state_updated_idx` ON `article_editions` (`state`,`updated_at`,`article_id`);