import { parseSearchParams, type SearchParams } from "../search-params";
import { MAX_QUERY_LENGTH, MAX_QUERY_TERMS, queryTerms, type SearchTerms } from "../search-query";
import type { Messages } from "./messages/en";

type RawParams = Record<string, string | string[] | undefined>;

const CHECKED = ["category", "from", "to", "page"] as const;

/**
 * parseSearchParams's problems, in the page's language. Each field is checked on its own with
 * the same parser (so the rules stay in one place), and named by the field rather than by
 * the English message it wrote.
 */
export function searchParamErrors(raw: RawParams, values: SearchParams, messages: Messages): string[] {
  const errors: string[] = CHECKED.filter((key) => parseSearchParams({ [key]: raw[key] }).errors.length > 0).map(
    (key) => messages.search.errors[key],
  );
  if (values.from && values.to && values.from > values.to) errors.push(messages.search.errors.order);
  return errors;
}

/** toFtsQuery's refusal of `input`, in the page's language. */
export function queryProblemMessage(input: string, problem: Extract<SearchTerms, { ok: false }>, messages: Messages): string {
  const e = messages.search.errors;
  switch (problem.reason) {
    case "empty":
      return e.empty;
    case "too_long":
      return e.tooLong(input.trim().length, MAX_QUERY_LENGTH);
    case "too_many_terms":
      return e.tooManyTerms(queryTerms(input.trim()).length, MAX_QUERY_TERMS);
    case "no_words":
      return e.noWords;
  }
}
