import type { FlattenedField, PayloadRequest } from 'payload'
import type { WorkflowCollection } from './stateMachine'
import type { WorkflowDoc } from './verb'

type Data = Record<string, unknown>
const isData = (v: unknown): v is Data => typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * One locale of a document read with `locale: 'all'` (localized fields as `{ vi, en, … }`): what
 * a read in that locale without fallback returns. Walks the collection's fields, so localized
 * fields inside groups, arrays and blocks are picked too.
 */
export function inLocale(fields: FlattenedField[], data: Data, locale: string): Data {
  const out: Data = { ...data }
  for (const field of fields) {
    if (!('name' in field) || !field.name) continue
    const raw = data[field.name]
    let value: unknown = 'localized' in field && field.localized ? (isData(raw) ? raw[locale] : undefined) : raw
    if (field.type === 'group' || field.type === 'tab') {
      if (isData(value)) value = inLocale(field.flattenedFields, value, locale)
    } else if (field.type === 'array') {
      if (Array.isArray(value)) value = value.map((row) => (isData(row) ? inLocale(field.flattenedFields, row, locale) : row))
    } else if (field.type === 'blocks') {
      if (Array.isArray(value))
        value = value.map((row) => {
          const block = isData(row) ? field.blocks.find((b) => b.slug === row.blockType) : undefined
          return block && isData(row) ? inLocale(block.flattenedFields, row, locale) : row
        })
    }
    if (value === undefined) delete out[field.name]
    else out[field.name] = value
  }
  return out
}

/** Every locale's latest revision and live copy of a document: two reads, whatever the number of locales. */
export async function loadAllLocales(req: PayloadRequest, collection: WorkflowCollection, id: number | string) {
  const read = (draft: boolean) =>
    req.payload.findByID({
      collection,
      id,
      locale: 'all',
      draft,
      depth: 0,
      overrideAccess: true, // visibility is checked by the caller with the actor's rights
      disableErrors: true,
      req,
    }) as Promise<Data | null>
  const [latest, live] = [await read(true), await read(false)]
  const fields = req.payload.collections[collection].config.flattenedFields
  return {
    exists: latest !== null,
    /** The latest revision (draft included) of `locale`, as loadDoc(…, true) reads it. */
    latest: (locale: string) => (latest ? (inLocale(fields, latest, locale) as WorkflowDoc) : null),
    /** The live copy of `locale`, as loadDoc(…, false) reads it. */
    live: (locale: string) => (live ? (inLocale(fields, live, locale) as WorkflowDoc) : null),
  }
}
