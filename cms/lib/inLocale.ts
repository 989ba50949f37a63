import type { FlattenedField } from 'payload'

type Doc = Record<string, unknown>

/**
 * A document read with `locale: 'all'` (localized fields as `{ vi: …, en: … }`), seen in one
 * locale the way a read with that locale and `fallbackLocale: false` returns it. Reading all
 * locales at once costs the database the same as reading one (the adapter fetches every
 * locale's row either way), so the build reads each article once instead of once per locale.
 */
export function inLocale<T = Doc>(fields: FlattenedField[], doc: Doc, locale: string): T {
  const out: Doc = { ...doc }
  for (const field of fields) {
    if (!(field.name in doc)) continue
    const value = doc[field.name]
    const own = field.localized ? ((value as Doc | null | undefined)?.[locale] ?? null) : value
    out[field.name] = nested(field, own, locale)
  }
  return out as T
}

function nested(field: FlattenedField, value: unknown, locale: string): unknown {
  if (value == null) return value
  switch (field.type) {
    case 'group':
    case 'tab':
      return inLocale(field.flattenedFields, value as Doc, locale)
    case 'array':
      return (value as Doc[]).map((row) => inLocale(field.flattenedFields, row, locale))
    case 'blocks':
      return (value as Doc[]).map((row) => {
        const block = field.blocks.find((b) => b.slug === row.blockType)
        return block ? inLocale(block.flattenedFields, row, locale) : row
      })
    default:
      return value
  }
}
