/** Categories every install starts with (not demo data: the site needs them to publish anything). */
export const BASE_CATEGORIES = [
  {
    slug: "government",
    name: "Government",
    description: "The governor's official duties, meetings and addresses.",
    translations: { ja: { name: "都政", description: "知事の公務、会談、あいさつ。" } },
  },
  {
    slug: "international-relations",
    name: "International Relations",
    description: "Friendship cities, visits abroad and international partners.",
    translations: { ja: { name: "国際関係", description: "友好都市、海外訪問、国際的なパートナー。" } },
  },
  {
    slug: "tourism",
    name: "Tourism",
    description: "Visitors, events and promotion of the city.",
    translations: { ja: { name: "観光", description: "観光客、イベント、東京の魅力発信。" } },
  },
  {
    slug: "culture",
    name: "Culture",
    description: "Arts, festivals and heritage.",
    translations: { ja: { name: "文化", description: "芸術、祭り、文化遺産。" } },
  },
  {
    slug: "disaster-prevention",
    name: "Disaster Prevention",
    description: "Preparedness, resilience and recovery.",
    translations: { ja: { name: "防災", description: "備え、強靱化、復旧・復興。" } },
  },
  {
    slug: "economy",
    name: "Economy & Industry",
    description: "Business, startups and the city's economy.",
    translations: { ja: { name: "経済・産業", description: "企業、スタートアップ、東京の経済。" } },
  },
] as const;
