import type { ArticleDocument } from "@/lib/content/document-schema";
import { slugify } from "@/lib/slug";

/** A small deterministic PRNG (mulberry32): the same --items always yields the same content. */
export function createRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return { next, pick, int };
}
export type Random = ReturnType<typeof createRandom>;

const TOPICS: Record<string, { subjects: string[]; verbs: string[]; objects: string[] }> = {
  government: {
    subjects: ["Governor", "Vice Governor", "Metropolitan Assembly", "City Council", "Policy Planning Bureau"],
    verbs: ["Announces", "Approves", "Reviews", "Presents", "Launches", "Outlines"],
    objects: [
      "Fiscal Budget",
      "Childcare Support Plan",
      "Housing Initiative",
      "Digital Services Strategy",
      "Public Transport Reform",
      "Climate Action Plan",
      "Ward Mayors Meeting",
    ],
  },
  "international-relations": {
    subjects: ["Governor", "Delegation", "Friendship City Mayor", "Ambassador", "Sister City Council"],
    verbs: ["Meets", "Welcomes", "Signs Agreement with", "Visits", "Hosts"],
    objects: [
      "Paris Officials",
      "Rome Delegation",
      "Seoul Mayor",
      "Sydney Partners",
      "Jakarta Representatives",
      "OECD Forum",
      "Global Partners Seminar",
    ],
  },
  tourism: {
    subjects: ["Governor", "Tourism Council", "Visitor Bureau", "Island Towns"],
    verbs: ["Promotes", "Opens", "Celebrates", "Launches", "Welcomes"],
    objects: [
      "Camellia Festival",
      "Cherry Blossom Season",
      "River Cruise Route",
      "Night Market",
      "Hiking Trails",
      "Visitor Centre",
      "Summer Fireworks",
    ],
  },
  culture: {
    subjects: ["Governor", "Arts Council", "Metropolitan Museum", "Cultural Foundation"],
    verbs: ["Opens", "Honours", "Presents", "Celebrates", "Supports"],
    objects: [
      "Kabuki Performance",
      "Contemporary Art Exhibition",
      "Traditional Crafts Fair",
      "Youth Orchestra",
      "Film Festival",
      "Heritage Restoration",
      "Library Week",
    ],
  },
  "disaster-prevention": {
    subjects: ["Governor", "Disaster Management Office", "Fire Department", "Emergency Council"],
    verbs: ["Inspects", "Conducts", "Reviews", "Strengthens", "Announces"],
    objects: [
      "Earthquake Drill",
      "Flood Barriers",
      "Evacuation Routes",
      "Typhoon Preparedness",
      "Shelter Supplies",
      "Seawall Upgrade",
      "Resilience Plan",
    ],
  },
  economy: {
    subjects: ["Governor", "Startup Hub", "Chamber of Commerce", "Economic Bureau", "Small Business Office"],
    verbs: ["Launches", "Supports", "Announces", "Opens", "Backs"],
    objects: [
      "Startup Grants",
      "Green Finance Fund",
      "Innovation District",
      "Export Programme",
      "Trade Fair",
      "Fintech Sandbox",
      "Job Fair",
    ],
  },
};
export const TOPIC_SLUGS = Object.keys(TOPICS);

const PLACES = [
  "Shinjuku",
  "Shibuya",
  "Minato",
  "Chiyoda",
  "Taito",
  "Setagaya",
  "Nerima",
  "Koto",
  "Hachioji",
  "Tachikawa",
  "Izu-Oshima",
  "Hachijojima",
  "Ome",
  "Machida",
];
const FILLER = [
  "The programme will be reviewed with residents and ward offices over the coming months.",
  "Officials said the measures build on last year's consultation with local businesses.",
  "The governor thanked volunteers and staff for their work throughout the year.",
  "Further details will be published on the city's website and announced at the next press conference.",
  "Residents can send comments through the public consultation form until the end of the month.",
  "The initiative is part of the city's long-term plan for a safe, diverse and green capital.",
  "Participants exchanged views on cooperation between municipalities and the private sector.",
  "A report on the results will be presented to the Metropolitan Assembly in the autumn session.",
  "Schools, hospitals and transport operators were briefed ahead of the announcement.",
  "The budget allocates funds for training, equipment and public information campaigns.",
];

/** A word that occurs in roughly one item in 5,000: the "rare term" the search benchmark looks for. */
export const RARE_WORD = "quetzalcoatl";
export const COMMON_WORD = "governor";

export type GeneratedItem = {
  slug: string;
  title: string;
  summary: string;
  body: ArticleDocument;
  category: string;
  datelineDate: string;
  publishedAt: number;
};

const paragraph = (text: string) => ({ type: "paragraph" as const, content: [{ type: "text" as const, text }] });

/** One realistic-looking press item; `index` keeps titles (and so slugs) unique. */
export function generateItem(random: Random, index: number, startMs: number, endMs: number): GeneratedItem {
  const category = random.pick(TOPIC_SLUGS);
  const topic = TOPICS[category]!;
  const place = random.pick(PLACES);
  const title = `${random.pick(topic.subjects)} ${random.pick(topic.verbs)} ${random.pick(topic.objects)} in ${place} (No. ${index + 1})`;
  const summary = `${title.replace(/ \(No\. \d+\)$/, "")}: the governor's office reports on the ${random.pick(topic.objects).toLowerCase()} and its next steps for ${place}.`;
  const sentences = Array.from({ length: random.int(8, 18) }, () => random.pick(FILLER));
  if (index % 5000 === 16) sentences.push(`The delegation also viewed the ${RARE_WORD} sculpture at the city gallery.`);
  return { slug: slugify(title), title, summary, category, ...datesAndBody(random, sentences, startMs, endMs) };
}

function datesAndBody(random: Random, sentences: string[], startMs: number, endMs: number) {
  const paragraphs = [];
  for (let i = 0; i < sentences.length; i += 3) paragraphs.push(paragraph(sentences.slice(i, i + 3).join(" ")));
  const publishedAt = Math.floor(startMs + random.next() * (endMs - startMs));
  const datelineDate = new Date(publishedAt + 9 * 3600_000).toISOString().slice(0, 10);
  return {
    datelineDate,
    publishedAt,
    body: {
      type: "doc",
      content: [{ type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Overview" }] }, ...paragraphs],
    } as ArticleDocument,
  };
}

/**
 * Japanese press items, for searching an index that mixes both languages: written without
 * spaces between words, as Japanese is, so the index must cut them (lib/search-words.ts).
 */
const JA_SUBJECTS = ["知事", "副知事", "都議会", "政策企画局", "観光協会", "防災会議", "産業労働局"];
const JA_OBJECTS = ["防災訓練", "子育て支援策", "観光キャンペーン", "文化祭", "創業支援", "気候変動対策", "友好都市交流", "予算案"];
const JA_VERBS = ["を発表", "を視察", "を開始", "を承認", "を推進"];
const JA_PLACES = ["新宿", "渋谷", "港区", "千代田区", "台東区", "世田谷", "練馬", "八王子", "立川", "伊豆大島"];
const JA_FILLER = [
  "東京都は今後数か月にわたり区市町村と連携して取組を進める。",
  "知事は職員とボランティアの一年間の尽力に感謝の意を表した。",
  "詳細は東京都のホームページで公表し、次回の記者会見で説明する。",
  "都民の皆様からの御意見は、今月末まで意見募集フォームで受け付ける。",
  "本事業は、安全・安心で多様性に富んだ緑豊かな首都を目指す長期計画の一環である。",
  "参加者は自治体と民間企業の協力について意見を交換した。",
  "結果は秋の定例会で都議会に報告される予定である。",
  "学校、病院、交通事業者には発表に先立ち説明が行われた。",
  "予算には研修、資機材、広報活動の経費が計上されている。",
];
/** Japanese words the search benchmark looks for: one in about 5,000 Japanese items, and one in nearly all. */
export const RARE_WORD_JA = "ケツァルコアトル";
export const COMMON_WORD_JA = "東京都";

export function generateJapaneseItem(random: Random, index: number, startMs: number, endMs: number): GeneratedItem {
  const category = random.pick(TOPIC_SLUGS);
  const place = random.pick(JA_PLACES);
  const object = random.pick(JA_OBJECTS);
  const title = `${random.pick(JA_SUBJECTS)}、${place}で${object}${random.pick(JA_VERBS)}（第${index + 1}号）`;
  const summary = `東京都は${place}における${object}と今後の取組について報告した。`;
  const sentences = Array.from({ length: random.int(8, 18) }, () => random.pick(JA_FILLER));
  if (index % 5000 === 17) sentences.push(`視察団は市立美術館で${RARE_WORD_JA}の彫刻も見学した。`);
  return {
    slug: `press-release-ja-${index + 1}`,
    title,
    summary,
    category,
    ...datesAndBody(random, sentences, startMs, endMs),
  };
}
