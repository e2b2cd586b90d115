/** How long something has waited, as staff read it at a glance: "45 s", "12 min", "3 h 5 min", "2 days 4 h". */
export function formatAge(ms: number): string {
  const seconds = Math.floor(Math.max(0, ms) / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  const unit = days === 1 ? "day" : "days";
  return hours % 24 ? `${days} ${unit} ${hours % 24} h` : `${days} ${unit}`;
}
