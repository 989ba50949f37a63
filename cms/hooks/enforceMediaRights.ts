import type { CollectionBeforeChangeHook, CollectionBeforeDeleteHook } from 'payload'
import { idsOf, isHq, missionsAllowing } from '../access/roles'
import { mayOnMedia, publicMediaIds } from '../access/media'
import { refusal } from '../lib/errors'
import { keepingLocale } from '#core/nestedRead'

/**
 * Per file, inside the save's transaction (a refusal writes nothing): uploads are owned by
 * missions the uploader writes for (their missions by default); changes need the rights of
 * every owning mission, and the publish right when published content uses the file.
 * System writes (seed, jobs: no user) pass.
 */
export const enforceMediaRights: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  const user = req.user
  if (!user) return data
  const ownMissions = missionsAllowing(user, 'create')
  if ('missions' in data || operation === 'create') {
    const target = idsOf(data.missions)
    if (!target.length && !isHq(user)) data.missions = ownMissions
    else if (!isHq(user) && !target.every((m) => ownMissions.includes(m))) throw refusal('Media can belong only to missions you write for.')
  }
  if (operation === 'create') return data
  const owners = idsOf(originalDoc?.missions)
  if (!mayOnMedia(user, 'edit', owners)) throw refusal('You may change only media of missions you write for.')
  if ((await publicMediaIds(req)).has(Number(originalDoc?.id)) && !mayOnMedia(user, 'changeUsed', owners)) {
    throw refusal('Published content uses this image: changing it needs the publish right for its missions (ask a reviewer or HQ).')
  }
  return data
}

export const enforceMediaDeletion: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const user = req.user
  if (!user) return
  const doc = await keepingLocale(req, () => req.payload.findByID({ collection: 'media', id, depth: 0, overrideAccess: true, disableErrors: true, req }))
  const owners = idsOf(doc?.missions)
  if (!mayOnMedia(user, 'delete', owners)) throw refusal('You may delete only media of missions you write for.')
  if ((await publicMediaIds(req)).has(Number(id)) && !mayOnMedia(user, 'changeUsed', owners)) {
    throw refusal('Published content uses this image: deleting it needs the publish right for its missions (ask a reviewer or HQ).')
  }
}
