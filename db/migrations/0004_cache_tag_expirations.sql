CREATE TABLE `cache_tag_expirations` (
	`tag` text PRIMARY KEY NOT NULL,
	`expired_at` integer NOT NULL,
	`seq` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `cache_tag_expirations_seq_idx` ON `cache_tag_expirations` (`seq`);