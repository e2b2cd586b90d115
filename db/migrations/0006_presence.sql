CREATE TABLE `edit_locks` (
	`kind` text NOT NULL,
	`item_id` integer NOT NULL,
	`holder_id` integer NOT NULL,
	`since` integer NOT NULL,
	`heartbeat_at` integer NOT NULL,
	`taken_over_from_id` integer,
	`taken_over_at` integer,
	PRIMARY KEY(`kind`, `item_id`),
	FOREIGN KEY (`holder_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`taken_over_from_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `presence_viewers` (
	`kind` text NOT NULL,
	`item_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`seen_at` integer NOT NULL,
	PRIMARY KEY(`kind`, `item_id`, `user_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `presence_viewers_seen_idx` ON `presence_viewers` (`seen_at`);