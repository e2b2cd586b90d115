CREATE TABLE `kept_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`delivery_id` integer,
	`to` text NOT NULL,
	`subject` text NOT NULL,
	`text` text NOT NULL,
	`html` text NOT NULL,
	`headers` text NOT NULL,
	`kept_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `mail_deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dedupe_key` text NOT NULL,
	`kind` text NOT NULL,
	`subscriber_id` integer NOT NULL,
	`event_id` integer,
	`article_id` integer,
	`digest_event_ids` text,
	`status` text DEFAULT 'queued' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`lease_until` integer,
	`last_error` text,
	`sent_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`subscriber_id`) REFERENCES `subscribers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`event_id`) REFERENCES `outbox_events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mail_deliveries_dedupe_key_unique` ON `mail_deliveries` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `mail_deliveries_due_idx` ON `mail_deliveries` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `mail_deliveries_article_idx` ON `mail_deliveries` (`article_id`,`kind`,`status`);--> statement-breakpoint
CREATE INDEX `mail_deliveries_event_idx` ON `mail_deliveries` (`event_id`,`status`);--> statement-breakpoint
CREATE INDEX `mail_deliveries_subscriber_idx` ON `mail_deliveries` (`subscriber_id`);--> statement-breakpoint
CREATE TABLE `outbox_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`article_id` integer NOT NULL,
	`edition_id` integer,
	`language` text NOT NULL,
	`category_id` integer,
	`snapshot` text NOT NULL,
	`occurred_at` integer NOT NULL,
	`fanned_out_at` integer,
	`pings_queued_at` integer,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `outbox_events_pending_idx` ON `outbox_events` (`fanned_out_at`);--> statement-breakpoint
CREATE INDEX `outbox_events_pings_idx` ON `outbox_events` (`pings_queued_at`);--> statement-breakpoint
CREATE INDEX `outbox_events_article_idx` ON `outbox_events` (`article_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `outbox_events_digest_idx` ON `outbox_events` (`language`,`occurred_at`);--> statement-breakpoint
CREATE TABLE `subscriber_categories` (
	`subscriber_id` integer NOT NULL,
	`category_id` integer NOT NULL,
	PRIMARY KEY(`subscriber_id`, `category_id`),
	FOREIGN KEY (`subscriber_id`) REFERENCES `subscribers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `subscriber_categories_category_idx` ON `subscriber_categories` (`category_id`);--> statement-breakpoint
CREATE TABLE `subscribers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`language` text NOT NULL,
	`all_categories` integer DEFAULT true NOT NULL,
	`frequency` text DEFAULT 'immediate' NOT NULL,
	`digest_hour` integer DEFAULT 8 NOT NULL,
	`token_salt` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`confirmed_at` integer,
	`digest_covered_until` integer,
	`bounce_count` integer DEFAULT 0 NOT NULL,
	`last_bounce_at` integer,
	`last_bounce_reason` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `subscribers_email_unique` ON `subscribers` (`email`);--> statement-breakpoint
CREATE INDEX `subscribers_immediate_idx` ON `subscribers` (`status`,`frequency`,`language`);--> statement-breakpoint
CREATE INDEX `subscribers_bounce_idx` ON `subscribers` (`last_bounce_at`);--> statement-breakpoint
CREATE TABLE `websub_pings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` integer NOT NULL,
	`topic` text NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`lease_until` integer,
	`last_error` text,
	`sent_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `outbox_events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `websub_pings_due_idx` ON `websub_pings` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `websub_pings_event_topic_idx` ON `websub_pings` (`event_id`,`topic`);