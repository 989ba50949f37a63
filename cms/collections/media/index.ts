import type { CollectionConfig } from 'payload'
import { s3Storage } from '@payloadcms/storage-s3'
import { sharedBucketFromEnv } from '#pipeline/sharedBucket'
import { mediaDir } from '#core/config'
import { changeMedia, createMedia, readMedia } from '../../access/media'
import { isHq, missionsAllowing } from '../../access/roles'
import { enforceMediaDeletion, enforceMediaRights } from '../../hooks/enforceMediaRights'
import { responsiveWidths } from '#media/sizes'
import { MAX_INPUT_PIXELS } from '#media/derivatives'
import { refuseRemoteFetch, validateUpload } from '../../hooks/validateUpload'

/** Images for articles and mission sites. Every locale needs its own alt text. */
export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: { vi: 'Tệp ảnh', en: 'Media' }, plural: { vi: 'Thư viện ảnh', en: 'Media' } },
  // Owned by missions; anonymous readers see only files published content uses (cms/access/media.ts).
  access: { read: readMedia, create: createMedia, update: changeMedia, delete: changeMedia },
  // Every file is checked by its bytes, cleaned of metadata and renamed before Payload stores it.
  hooks: { beforeOperation: [validateUpload], beforeChange: [enforceMediaRights], beforeDelete: [enforceMediaDeletion] },
  upload: {
    staticDir: mediaDir,
    mimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/gif'],
    // Second line of defence behind validateUpload: sharp itself refuses to decode bombs.
    constructorOptions: { limitInputPixels: MAX_INPUT_PIXELS },
    withMetadata: false,
    // Files come with the request only: a `url` is never fetched (validateUpload explains).
    externalFileHeaderFilter: refuseRemoteFetch,
    focalPoint: true,
    imageSizes: [
      ...responsiveWidths.map((width) => ({
        name: `w${width}`,
        width,
        withoutEnlargement: true,
        formatOptions: { format: 'webp' as const, options: { quality: 78 } },
      })),
      { name: 'og', width: 1200, height: 630, position: 'centre', formatOptions: { format: 'jpeg' as const, options: { quality: 82 } } },
    ],
    adminThumbnail: 'w480',
  },
  fields: [
    { name: 'alt', type: 'text', required: true, localized: true, label: { vi: 'Văn bản thay thế', en: 'Alt text' } },
    { name: 'caption', type: 'text', localized: true, label: { vi: 'Chú thích', en: 'Caption' } },
    { name: 'credit', type: 'text', label: { vi: 'Nguồn ảnh', en: 'Credit' } },
    {
      name: 'missions',
      type: 'relationship',
      relationTo: 'missions',
      hasMany: true,
      index: true,
      label: { vi: 'Thuộc cơ quan', en: 'Owning missions' },
      admin: { description: { vi: 'Để trống: các cơ quan của bạn', en: 'Empty: your missions' } },
      filterOptions: ({ user }) => (!user || isHq(user) ? true : { id: { in: missionsAllowing(user, 'create') } }),
    },
    { name: 'closeDrawerOnSave', type: 'ui', admin: { components: { Field: '/components/CloseDrawerOnSave#CloseDrawerOnSave' } } },
  ],
}

/**
 * With S3_MEDIA_BUCKET set, originals and their sizes live in that private bucket under
 * S3_MEDIA_PREFIX (default `media/`), so every admin instance and worker sees every upload.
 * `/api/media/file/<name>` stays Payload's own route with the collection's read access
 * (`disablePayloadAccessControl` off, no signed URLs, objects uploaded `private`): a file is
 * never readable from the bucket by its URL. The `prefix` column exists in both modes
 * (alwaysInsertFields), so the schema does not depend on the environment.
 */
export function mediaStoragePlugin() {
  const shared = sharedBucketFromEnv()
  return s3Storage({
    enabled: Boolean(shared),
    alwaysInsertFields: true,
    bucket: shared?.bucket ?? '',
    acl: 'private',
    config: shared?.client ?? {},
    clientCacheKey: 's3:media',
    collections: { media: { prefix: shared?.mediaPrefix ?? 'media/' } },
  })
}
