DROP INDEX `articles_public_idx`;--> statement-breakpoint
DROP INDEX `articles_category_public_idx`;--> statement-breakpoint
DROP INDEX `articles_archive_month_idx`;--> statement-breakpoint
ALTER TABLE `articles` ADD `language` text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE `articles` ADD `translation_of_id` integer REFERENCES articles(id) ON DELETE set null;--> statement-breakpoint
ALTER TABLE `articles` ADD `translated_from_edition_id` integer;--> statement-breakpoint
ALTER TABLE `articles` ADD `out_of_date_since` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `articles_translation_language_idx` ON `articles` (coalesce(`translation_of_id`, `id`),`language`);--> statement-breakpoint
CREATE INDEX `articles_translation_of_idx` ON `articles` (`translation_of_id`);--> statement-breakpoint
CREATE INDEX `articles_out_of_date_idx` ON `articles` (`out_of_date_since`) WHERE "articles"."out_of_date_since" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `articles_public_idx` ON `articles` (`language`,`status`,`first_published_at`,`published_edition_id`,`category_id`,`public_updated_at`);--> statement-breakpoint
CREATE INDEX `articles_category_public_idx` ON `articles` (`category_id`,`language`,`status`,`first_published_at`,`published_edition_id`,`public_updated_at`);--> statement-breakpoint
CREATE INDEX `articles_archive_month_idx` ON `articles` (`language`,`status`,`first_published_month`,`published_edition_id`,`category_id`,`first_published_at`,`public_updated_at`);--> statement-breakpoint
ALTER TABLE `categories` ADD `translations` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `recommendation_lists` ADD `language` text DEFAULT 'en' NOT NULL;--> statement-breakpoint
-- The base categories (db/base-categories.ts) get their Japanese names on existing installs too.
UPDATE `categories` SET `translations` = '{"ja": {"name": "都政", "description": "知事の公務、会談、あいさつ。"}}' WHERE `slug` = 'government' AND `translations` = '{}';--> statement-breakpoint
UPDATE `categories` SET `translations` = '{"ja": {"name": "国際関係", "description": "友好都市、海外訪問、国際的なパートナー。"}}' WHERE `slug` = 'international-relations' AND `translations` = '{}';--> statement-breakpoint
UPDATE `categories` SET `translations` = '{"ja": {"name": "観光", "description": "観光客、イベント、東京の魅力発信。"}}' WHERE `slug` = 'tourism' AND `translations` = '{}';--> statement-breakpoint
UPDATE `categories` SET `translations` = '{"ja": {"name": "文化", "description": "芸術、祭り、文化遺産。"}}' WHERE `slug` = 'culture' AND `translations` = '{}';--> statement-breakpoint
UPDATE `categories` SET `translations` = '{"ja": {"name": "防災", "description": "備え、強靱化、復旧・復興。"}}' WHERE `slug` = 'disaster-prevention' AND `translations` = '{}';--> statement-breakpoint
UPDATE `categories` SET `translations` = '{"ja": {"name": "経済・産業", "description": "企業、スタートアップ、東京の経済。"}}' WHERE `slug` = 'economy' AND `translations` = '{}';
