/**
 * Folds text for search so that "platano" finds "Plátano" and "JALAPENO" finds "jalapeño":
 * lower case, accents and diacritics removed, whitespace collapsed.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
