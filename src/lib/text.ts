/**
 * Text normalisation for Vietnamese: NFC for display, and a folded form
 * (no tone or vowel marks, `đ` -> `d`, lower case) for matching what readers
 * type without diacritics.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** NFC form of a string: macOS writes decomposed (NFD) file names and text. */
export function nfc(value: string): string {
  return value.normalize('NFC');
}

/**
 * Folds Vietnamese text for matching: "Chuyển Đổi Số" -> "chuyen doi so".
 * `đ`/`Đ` have no Unicode decomposition, so they are mapped explicitly.
 */
export function foldVietnamese(value: string): string {
  return value
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .normalize('NFC');
}

/** Collapses runs of whitespace to one space and trims. */
export function squashWhitespace(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/** Words of a text, folded, for term matching (letters and digits only). */
export function foldedWords(value: string): string[] {
  return foldVietnamese(value)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/** Control characters that have no place in any text field (tab and newline excepted). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** Removes control characters (for XML and JSON outputs). */
export function stripControlCharacters(value: string): string {
  return value.replace(new RegExp(CONTROL_CHARACTERS.source, 'g'), '');
}
