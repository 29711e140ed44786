/**
 * URL slugs: ASCII, lower case, Vietnamese diacritics removed (đ -> d), runs of
 * anything else -> "-". NFC and NFD input give the same slug.
 */
import slugifyLibrary from '@sindresorhus/slugify';
import { nfc } from './text.ts';

export function slugify(value: string): string {
  return slugifyLibrary(nfc(value), { decamelize: false, lowercase: true });
}

/** The slug an article gets from its file name: "Đại-hội.md" -> "dai-hoi". */
export function slugFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return slugify(base.replace(/\.(md|mdx)$/i, ''));
}
