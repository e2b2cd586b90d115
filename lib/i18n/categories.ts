/** A category's names in other languages, as stored in categories.translations. */
export type CategoryTranslations = Record<string, { name: string; description?: string }>;

type TranslatableCategory = { name: string; description?: string; translations?: CategoryTranslations | null };

/**
 * A category's name on a page in `language`: its translation when it has one, else its own
 * name. A category the read model already localized (no translations field) passes through.
 */
export function localizedCategoryName(category: TranslatableCategory, language: string): string {
  return category.translations?.[language]?.name || category.name;
}

export function localizedCategoryDescription(category: TranslatableCategory, language: string): string {
  const translated = category.translations?.[language];
  // A translated name with no description of its own has none: the default language's would be in the wrong language.
  if (translated) return translated.description ?? "";
  return category.description ?? "";
}
