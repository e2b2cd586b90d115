/** Types for scripts/profile-summary.mjs (imported by bench/profile.ts). */
export function summariseProfile(file: string, options?: { top?: number }): string;
