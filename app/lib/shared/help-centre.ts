// What the help centre's pages and the customer's /app page share: the query parameter that hands a question to
// the assistant, and the view type of a topic card.

/** `/app?ask=<question>` opens the new-conversation form with the question filled in ("Still need help?"). */
export const assistantQuestionParam = 'ask';

/** The longest question handed over that way (the assistant's own limit). */
export const assistantQuestionMaxLength = 4000;

/** One topic of the help centre: a solution area (or General) and a category, with its articles' count. */
export interface HelpTopic {
  /** Solution area slug, or null for articles of no area ("General"). */
  areaSlug: string | null;
  areaName: string;
  category: string;
  /** The category as people read it (categories are stored lower case, e.g. "automotive"). */
  categoryLabel: string;
  articleCount: number;
  /** Up to three article titles, to show what the topic covers. */
  sampleTitles: string[];
}

/** A category as shown to people: "battery-and-charging" → "Battery and charging". */
export function categoryLabel(category: string): string {
  const words = category.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** What topics are built from: a published article's area and category (the help centre's summaries carry them). */
export interface TopicArticle {
  title: string;
  category: string;
  solutionArea: string | null;
  solutionAreaName: string | null;
}

/** The name articles without a solution area are shown under, and the slug its topics use in addresses. */
export const generalAreaName = 'General';
export const generalAreaSlug = 'general';

/**
 * The topics of a list of articles (already ordered by area, category, title): one per area and category, in that
 * order, articles without an area under "General" at the end.
 */
export function helpTopics(articles: TopicArticle[]): HelpTopic[] {
  const topics = new Map<string, HelpTopic>();
  for (const article of articles) {
    const key = `${article.solutionArea ?? ''}\u0000${article.category}`;
    let topic = topics.get(key);
    if (!topic) {
      topic = {
        areaSlug: article.solutionArea,
        areaName: article.solutionAreaName ?? generalAreaName,
        category: article.category,
        categoryLabel: categoryLabel(article.category),
        articleCount: 0,
        sampleTitles: [],
      };
      topics.set(key, topic);
    }
    topic.articleCount += 1;
    if (topic.sampleTitles.length < 3) topic.sampleTitles.push(article.title);
  }
  return [...topics.values()];
}

/** Whether an article belongs to the topic an address names (`area` is a solution area slug or "general"). */
export function inTopic(article: TopicArticle, topic: { area: string; category: string }): boolean {
  return (article.solutionArea ?? generalAreaSlug) === topic.area && article.category === topic.category;
}
