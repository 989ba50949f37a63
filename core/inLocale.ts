import type { FlattenedField } from 'payload'

type Doc = Record<string, unknown>

/** The fields of a collection, for projecting populated relationships (uploads, relationships). */
export type FieldsOf = (collection: string) => FlattenedField[] | undefined

/**
 * A document read with `locale: 'all'` (localized fields as `{ vi: …, en: … }`), seen in one
 * locale the way a read with that locale and `fallbackLocale: false` returns it. Reading all
 * locales at once costs the database the same as reading one (the adapter fetches every
 * locale's row either way), so the build reads each article once instead of once per locale.
 *
 * Populated relationships come back in the all-locales shape too (a hero image's alt text as
 * `{ vi, en }`), so they are projected with their own collection's fields from `fieldsOf`.
 */
export function inLocale<T = Doc>(fields: FlattenedField[], doc: object, locale: string, fieldsOf?: FieldsOf): T {
  const out: Doc = { ...doc }
  for (const field of fields) {
    if (!(field.name in doc)) continue
    const value = (doc as Doc)[field.name]
    const own = field.localized ? ((value as Doc | null | undefined)?.[locale] ?? null) : value
    out[field.name] = nested(field, own, locale, fieldsOf)
  }
  return out as T
}

function nested(field: FlattenedField, value: unknown, locale: string, fieldsOf: FieldsOf | undefined): unknown {
  if (value == null) return value
  switch (field.type) {
    case 'group':
    case 'tab':
      return inLocale(field.flattenedFields, value as Doc, locale, fieldsOf)
    case 'array':
      return (value as Doc[]).map((row) => inLocale(field.flattenedFields, row, locale, fieldsOf))
    case 'blocks':
      return (value as Doc[]).map((row) => {
        const block = field.blocks.find((b) => b.slug === row.blockType)
        return block ? inLocale(block.flattenedFields, row, locale, fieldsOf) : row
      })
    case 'upload':
    case 'relationship': {
      if (!fieldsOf) return value
      const project = (v: unknown) => related(field.relationTo, v, locale, fieldsOf)
      return Array.isArray(value) ? value.map(project) : project(value)
    }
    default:
      return value
  }
}

/** One relationship value: an id (left alone), a populated document, or a polymorphic `{ relationTo, value }`. */
function related(relationTo: string | string[], value: unknown, locale: string, fieldsOf: FieldsOf): unknown {
  if (!value || typeof value !== 'object') return value
  if (Array.isArray(relationTo)) {
    const { relationTo: slug, value: doc } = value as { relationTo: string; value: unknown }
    return { ...(value as Doc), value: related(slug, doc, locale, fieldsOf) }
  }
  const fields = fieldsOf(relationTo)
  return fields ? inLocale(fields, value as Doc, locale, fieldsOf) : value
}
