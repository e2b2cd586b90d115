import "server-only";
import type { ArticleEditionRow } from "@/db/schema";
import type { Reader } from "../editorial/define-editorial-type";
import { latestEdition } from "../editorial/edition-rows";
import { articleType } from "./editorial-type";

/** The newest edition of an article: the one the studio edits and the workflow moves. */
export const getLatestEdition = (db: Reader, articleId: number) => latestEdition<ArticleEditionRow>(db, articleType, articleId);

/** The article row, or a 404 the person can act on: the one lookup every article command authorizes against. */
export const loadArticle = (db: Reader, articleId: number) => articleType.loadForCaller(db, articleId);
