import "server-only";
import { articleType } from "../articles/editorial-type";
import { listType } from "../lists/editorial-type";

/**
 * Every content type with editions. The engine (applyTransition,
 * listTransitionsFor, publishDue, the working edition) loops over these; a new
 * type is one more declaration here.
 */
export const EDITORIAL_TYPES = { article: articleType, list: listType } as const;
