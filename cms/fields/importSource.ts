import type { Field } from 'payload'

/**
 * Where an imported article or page came from (npm run import, import/): `key` identifies the
 * source item (its GUID, or the GUID of the original of a translation group), so a second run
 * updates instead of creating again; `items` holds, per locale, the source GUID, URL, modified
 * date and a hash of what was imported (unchanged items are skipped). Empty for content
 * written in the CMS.
 */
export const importSourceField: Field = {
  name: 'importSource',
  type: 'group',
  label: { vi: 'Nguồn nhập', en: 'Import source' },
  admin: { position: 'sidebar', readOnly: true, condition: (data) => Boolean(data?.importSource?.key) },
  access: { update: ({ req }) => !req.user, create: ({ req }) => !req.user }, // written by the importer (no user) only
  fields: [
    { name: 'key', type: 'text', index: true },
    { name: 'system', type: 'select', options: ['wordpress', 'feed'] },
    { name: 'items', type: 'json' },
  ],
}
