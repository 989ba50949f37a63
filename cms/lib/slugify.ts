import slugifyLib from '@sindresorhus/slugify'

/**
 * URL slug with Vietnamese folding: tone marks and vowel hooks are dropped and
 * đ/Đ becomes d ("Đổi mới" → "doi-moi"). decamelize is off so "HàNội" stays one word.
 */
export function slugify(text: string): string {
  return slugifyLib(text ?? '', {
    decamelize: false,
    customReplacements: [
      ['đ', 'd'],
      ['Đ', 'd'],
    ],
  })
}

/** Mission codes and slugs: lowercase ASCII words joined by single hyphens. */
export const URL_SAFE_CODE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
