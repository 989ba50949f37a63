import { beforeChangeTraverseFields, ValidationError, type Field, type PayloadRequest, type ValidationFieldError } from 'payload'
import { accreditationFields, consularFields, homeLayoutFields, menuFields, siteSettingsFields } from '../fields/missionSettings'
import { keepingLocale } from '#core/nestedRead'

type AnyRecord = Record<string, unknown>

/**
 * Top-level mission fields a mission admin shapes (the Site, Consular, Menus, Home page and
 * Accreditation tabs). Only these are taken from unsaved form data: code, kind, host country
 * and the other HQ fields always come from the stored mission.
 */
export const siteSettingNames: ReadonlySet<string> = new Set(
  [...siteSettingsFields, ...consularFields, ...menuFields, ...homeLayoutFields, ...accreditationFields].flatMap((f) => ('name' in f ? [f.name] : [])),
)

/**
 * The stored mission with the site settings of `formData` (what the admin's edit form holds in
 * `locale`) laid over it, validated and merged exactly as a save would do it — through Payload's
 * own field traversal, so every validator of cms/fields/*.ts and Payload's built-in checks
 * (required, max rows…) run with the same arguments — but without writing anything. Returns
 * the mission in the all-locales shape the export reads (`locale: 'all'`); throws Payload's
 * ValidationError (400, same messages as the save) for invalid input.
 */
export async function missionWithUnsavedSettings(req: PayloadRequest, missionId: number, locale: string, formData: AnyRecord): Promise<AnyRecord> {
  const read = (l: string) =>
    keepingLocale(req, () =>
      req.payload.findByID({ collection: 'missions', id: missionId, locale: l as 'vi', fallbackLocale: false, depth: 0, overrideAccess: true, req }),
    ) as Promise<unknown> as Promise<AnyRecord>
  const stored = await read(locale)
  const storedWithLocales = await read('all')
  const submitted = withEmptyRowsAsArrays(
    Object.fromEntries(Object.entries(formData).filter(([name]) => siteSettingNames.has(name))),
    req.payload.collections.missions.config.fields,
  )
  const data: AnyRecord = structuredClone({ ...stored, ...submitted })
  const collection = req.payload.collections.missions.config
  const errors: ValidationFieldError[] = []
  const mergeLocaleActions: (() => Promise<void> | void)[] = []
  const { locale: requestLocale, fallbackLocale } = req
  // The traversal reads the operation's locale from req, as a save in this locale would.
  req.locale = locale as typeof req.locale
  req.fallbackLocale = false
  try {
    await beforeChangeTraverseFields({
      id: missionId,
      collection,
      context: {},
      data,
      doc: stored,
      docWithLocales: storedWithLocales,
      errors,
      fieldLabelPath: '',
      fields: collection.fields,
      global: null,
      mergeLocaleActions,
      operation: 'update',
      overrideAccess: false,
      parentIndexPath: '',
      parentIsLocalized: false,
      parentPath: '',
      parentSchemaPath: '',
      req,
      siblingData: data,
      siblingDoc: stored,
      siblingDocWithLocales: storedWithLocales,
      // Like a PATCH of these fields: stored values of other fields are not re-validated.
      submittedTopLevelFieldNames: new Set(Object.keys(submitted)),
    })
    if (errors.length) throw new ValidationError({ id: missionId, collection: 'missions', errors, req }, req.t)
    // Localized fields become { vi, en, … }: this locale from the form, the others as stored.
    for (const merge of mergeLocaleActions) await merge()
  } finally {
    req.locale = requestLocale
    req.fallbackLocale = fallbackLocale
  }
  return data
}

/**
 * The admin form holds an array or blocks field with no rows as its row count, 0 (with rows,
 * the rows come as an array). A save treats that as "no rows"; so does the preview.
 */
function withEmptyRowsAsArrays(data: AnyRecord, fields: Field[]): AnyRecord {
  const out: AnyRecord = { ...data }
  for (const field of fields) {
    if (field.type === 'tabs') {
      for (const tab of field.tabs)
        Object.assign(
          out,
          'name' in tab && tab.name
            ? { [tab.name]: withEmptyRowsAsArrays((out[tab.name] ?? {}) as AnyRecord, tab.fields) }
            : withEmptyRowsAsArrays(out, tab.fields),
        )
      continue
    }
    if (field.type === 'row' || field.type === 'collapsible') {
      Object.assign(out, withEmptyRowsAsArrays(out, field.fields))
      continue
    }
    if (!('name' in field) || !(field.name in out)) continue
    const value = out[field.name]
    if (field.type === 'array' || field.type === 'blocks') {
      if (typeof value === 'number') out[field.name] = []
      else if (Array.isArray(value)) {
        out[field.name] = value.map((row: AnyRecord) => {
          const rowFields = field.type === 'array' ? field.fields : (field.blocks.find((b) => b.slug === row?.blockType)?.fields ?? [])
          return row && typeof row === 'object' ? withEmptyRowsAsArrays(row, rowFields) : row
        })
      }
    } else if (field.type === 'group' && value && typeof value === 'object') {
      out[field.name] = withEmptyRowsAsArrays(value as AnyRecord, field.fields)
    }
  }
  return out
}
