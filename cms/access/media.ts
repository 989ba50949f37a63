import { sql } from '@payloadcms/db-postgres'
import type { Access, PayloadRequest } from 'payload'
import { canOnArticle, isHq, missionsAllowing, type ArticleAction } from './roles'

/**
 * Media belong to missions (the upload's `missions` field). Staff read the whole library (to
 * pick images); anonymous readers only files that published content uses. Changing a file's
 * owners, metadata or bytes is for HQ and the staff of every owning mission (like an article
 * shared by several missions); when published content uses the file, the change reaches
 * readers at the next build, so it needs the publish right for those missions
 * (cms/hooks/enforceMediaRights.ts).
 */

type UserLike = Parameters<typeof isHq>[0]

/** The rights table for media, in article terms: upload and edit = `update`, change a used file = `publish`. */
export const mediaRights = { upload: 'create', edit: 'update', delete: 'update', changeUsed: 'publish' } as const satisfies Record<string, ArticleAction>

export const mayOnMedia = (user: UserLike, right: keyof typeof mediaRights, owners: number[]): boolean =>
  Boolean(user) && (isHq(user) || (owners.length > 0 && canOnArticle(user, mediaRights[right], owners)))

const cache = new WeakMap<object, Promise<Set<number>>>()

/**
 * Ids of media that readers can see: hero images of published articles (and of local overrides
 * of published articles), mission logos and favicons. One query, once per request.
 */
export function publicMediaIds(req: PayloadRequest): Promise<Set<number>> {
  let ids = cache.get(req)
  if (!ids) {
    const db = req.payload.db as unknown as { drizzle: { execute: (q: unknown) => Promise<{ rows: { id: number }[] }> } }
    ids = db.drizzle
      .execute(
        sql`SELECT hero_image_id AS id FROM articles WHERE _status = 'published' AND hero_image_id IS NOT NULL
            UNION SELECT o.hero_image_id FROM article_overrides o JOIN articles a ON a.id = o.article_id WHERE a._status = 'published' AND o.hero_image_id IS NOT NULL
            UNION SELECT logo_id FROM missions WHERE logo_id IS NOT NULL
            UNION SELECT favicon_id FROM missions WHERE favicon_id IS NOT NULL`,
      )
      .then((r) => new Set(r.rows.map((row) => Number(row.id))))
    cache.set(req, ids)
  }
  return ids
}

export const readMedia: Access = async ({ req }) => {
  if (req.user) return true
  const ids = [...(await publicMediaIds(req))]
  return { id: { in: ids.length ? ids : [0] } }
}

/** Uploads: HQ and the staff who write content (press officers, reviewers, mission admins). */
export const createMedia: Access = ({ req }) => Boolean(req.user && (isHq(req.user) || missionsAllowing(req.user, 'create').length))

/** Row scope for changes: files owned by a mission where the user edits content; the exact check is per file in the hook. */
export const changeMedia: Access = ({ req }) => {
  const user = req.user
  if (!user) return false
  if (isHq(user)) return true
  const missions = missionsAllowing(user, 'update')
  return missions.length ? { missions: { in: missions } } : false
}
