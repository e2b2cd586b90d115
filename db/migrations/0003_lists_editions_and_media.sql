CREATE TABLE `media_assets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`storage_key` text NOT NULL,
	`original_name` text NOT NULL,
	`mime_type` text NOT NULL,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`byte_size` integer NOT NULL,
	`alt_text` text DEFAULT '' NOT NULL,
	`decorative` integer DEFAULT false NOT NULL,
	`caption` text DEFAULT '' NOT NULL,
	`credit` text DEFAULT '' NOT NULL,
	`variants` text DEFAULT '[]' NOT NULL,
	`uploaded_by_id` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`uploaded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `media_assets_storage_key_unique` ON `media_assets` (`storage_key`);--> statement-breakpoint
CREATE INDEX `media_assets_created_idx` ON `media_assets` (`created_at`);--> statement-breakpoint
CREATE TABLE `recommendation_list_editions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`list_id` integer NOT NULL,
	`number` integer NOT NULL,
	`state` text DEFAULT 'draft' NOT NULL,
	`name` text NOT NULL,
	`max_items` integer DEFAULT 10 NOT NULL,
	`fill_from_category` integer DEFAULT false NOT NULL,
	`entries` text DEFAULT '[]' NOT NULL,
	`created_by_id` integer,
	`last_edited_by_id` integer,
	`reviewed_by_id` integer,
	`published_by_id` integer,
	`scheduled_for` integer,
	`schedule_error` text,
	`published_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`list_id`) REFERENCES `recommendation_lists`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`last_edited_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`published_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `recommendation_list_editions_number_idx` ON `recommendation_list_editions` (`list_id`,`number`);--> statement-breakpoint
CREATE INDEX `recommendation_list_editions_state_idx` ON `recommendation_list_editions` (`state`,`scheduled_for`);--> statement-breakpoint
ALTER TABLE `article_editions` ADD `hero_media_id` integer REFERENCES media_assets(id);--> statement-breakpoint
ALTER TABLE `recommendation_lists` ADD `published_edition_id` integer;--> statement-breakpoint
ALTER TABLE `recommendation_lists` ADD `author_id` integer REFERENCES users(id);