import type { CollectionConfig } from 'payload'
import { mediaDir } from '../../core/env'
import { anyone, authenticated } from '../access/rules'
import { responsiveWidths } from '../../media/sizes'
import { MAX_INPUT_PIXELS } from '../../media/derivatives'
import { validateUpload } from '../hooks/validateUpload'

/** Images for articles and mission sites. Every locale needs its own alt text. */
export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: { vi: 'Tệp ảnh', en: 'Media' }, plural: { vi: 'Thư viện ảnh', en: 'Media' } },
  access: { read: anyone, create: authenticated, update: authenticated, delete: authenticated },
  // Every file is checked by its bytes, cleaned of metadata and renamed before Payload stores it.
  hooks: { beforeOperation: [validateUpload] },
  upload: {
    staticDir: mediaDir,
    mimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/gif'],
    // Second line of defence behind validateUpload: sharp itself refuses to decode bombs.
    constructorOptions: { limitInputPixels: MAX_INPUT_PIXELS },
    withMetadata: false,
    focalPoint: true,
    imageSizes: [
      ...responsiveWidths.map((width) => ({ name: `w${width}`, width, withoutEnlargement: true, formatOptions: { format: 'webp' as const, options: { quality: 78 } } })),
      { name: 'og', width: 1200, height: 630, position: 'centre', formatOptions: { format: 'jpeg' as const, options: { quality: 82 } } },
    ],
    adminThumbnail: 'w480',
  },
  fields: [
    { name: 'alt', type: 'text', required: true, localized: true, label: { vi: 'Văn bản thay thế', en: 'Alt text' } },
    { name: 'caption', type: 'text', localized: true, label: { vi: 'Chú thích', en: 'Caption' } },
    { name: 'credit', type: 'text', label: { vi: 'Nguồn ảnh', en: 'Credit' } },
    { name: 'closeDrawerOnSave', type: 'ui', admin: { components: { Field: '/components/CloseDrawerOnSave#CloseDrawerOnSave' } } },
  ],
}
