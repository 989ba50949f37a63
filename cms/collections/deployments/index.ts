import type { Access, CollectionConfig, PayloadHandler } from 'payload'
import { nobody } from '../../access/rules'
import { isHq, missionRoles, missionsWhere } from '../../access/roles'
import type { Deployment, Mission } from '#core/payload-types'

/** HQ reads every deployment; a mission's staff read their missions' deployments; anonymous: none. */
const readDeployments: Access = ({ req }) => {
  const user = req.user
  if (!user) return false
  if (isHq(user)) return true
  const missions = missionsWhere(user, missionRoles)
  return missions.length ? { mission: { in: missions } } : false
}

/**
 * POST /api/deployments/:id/redeploy and /:id/rollback — queue a rebuild + deploy of the
 * deployment's mission, or a roll back to exactly this deployment. A redeploy only makes the
 * published content live again: HQ and the mission's admins. A rollback puts an older file set
 * live — possibly articles withdrawn since, or text since corrected — outside the workflow, so
 * it is a publish right over every locale of the mission: HQ only. Others get 403 (or 404 for
 * a deployment they cannot even read).
 */
const action =
  (kind: 'redeploy' | 'rollback'): PayloadHandler =>
  async (req) => {
    const user = req.user
    if (!user) return Response.json({ error: 'Log in first.' }, { status: 401 })
    const id = Number(req.routeParams?.id)
    const deployment = Number.isInteger(id)
      ? ((await req.payload.findByID({ collection: 'deployments', id, depth: 1, overrideAccess: false, user, disableErrors: true })) as Deployment | null)
      : null
    if (!deployment) return Response.json({ error: `There is no deployment #${req.routeParams?.id}.` }, { status: 404 })
    const mission = deployment.mission as Mission
    if (kind === 'rollback' && !isHq(user)) {
      return Response.json(
        { error: `Only HQ may roll ${mission.code} back: a rollback can bring back withdrawn or corrected content. Redeploy publishes the current content.` },
        { status: 403 },
      )
    }
    if (!isHq(user) && !missionsWhere(user, ['mission-admin']).includes(mission.id)) {
      return Response.json({ error: `Only HQ and the mission admins of ${mission.code} may deploy its site.` }, { status: 403 })
    }
    if (kind === 'rollback' && !['succeeded', 'rolled-back'].includes(deployment.status)) {
      return Response.json(
        { error: `Deployment #${id} did not succeed (${deployment.status}); only a successful deployment can be rolled back to.` },
        { status: 400 },
      )
    }
    const trigger = `${kind === 'rollback' ? `rollback to #${id}` : 'redeploy'} by ${user.email}`
    const job = await req.payload.jobs.queue({
      task: 'deploySite',
      queue: 'rebuild',
      input: { mission: mission.code, trigger, ...(kind === 'rollback' ? { rollbackTo: id } : {}) },
    })
    return Response.json(
      { queued: job.id, message: `${kind === 'rollback' ? `Rolling ${mission.code} back to #${id}` : `Redeploying ${mission.code}`}: queued.` },
      { status: 202 },
    )
  }

/**
 * One record per deploy of a mission's site to the CDN bucket (pipeline/deploy). Written
 * only by the pipeline (Local API, overrideAccess) so the log cannot be edited by hand.
 */
export const Deployments: CollectionConfig = {
  slug: 'deployments',
  labels: { singular: { vi: 'Lần triển khai', en: 'Deployment' }, plural: { vi: 'Triển khai', en: 'Deployments' } },
  admin: {
    useAsTitle: 'trigger',
    defaultColumns: ['mission', 'status', 'trigger', 'objectsUploaded', 'objectsDeleted', 'startedAt'],
    description: {
      vi: 'Khôi phục: npm run deploy -- --rollback <id>. Triển khai lại: npm run deploy -- --mission <mã>.',
      en: 'Roll back: npm run deploy -- --rollback <id>. Redeploy: npm run deploy -- --mission <code>.',
    },
  },
  access: { read: readDeployments, create: nobody, update: nobody, delete: nobody },
  defaultSort: '-startedAt',
  endpoints: [
    { path: '/:id/redeploy', method: 'post', handler: action('redeploy') },
    { path: '/:id/rollback', method: 'post', handler: action('rollback') },
  ],
  fields: [
    {
      name: 'actions',
      type: 'ui',
      admin: { components: { Field: '/components/DeploymentActions#DeploymentActions' } },
    },
    { name: 'mission', type: 'relationship', relationTo: 'missions', required: true, index: true },
    { name: 'trigger', type: 'text', required: true, admin: { description: 'Who or what started it, e.g. "cli", "job: publish", "rollback to #12"' } },
    {
      name: 'status',
      type: 'select',
      required: true,
      index: true,
      defaultValue: 'running',
      options: ['running', 'succeeded', 'failed', 'rolled-back'].map((v) => ({ value: v, label: v })),
    },
    { name: 'rollbackOf', type: 'relationship', relationTo: 'deployments', admin: { description: 'Set when this deployment re-deployed an earlier one' } },
    { name: 'runner', type: 'text', admin: { description: 'host:pid of the deploying process; a running record whose process is gone is marked failed' } },
    { name: 'startedAt', type: 'date', required: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'finishedAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
    {
      name: 'timings',
      type: 'group',
      admin: { description: 'Milliseconds per stage' },
      fields: ['build', 'prepare', 'uploadAssets', 'uploadPages', 'delete', 'purge', 'total'].map((name) => ({ name, type: 'number' as const })),
    },
    { name: 'pagesRendered', type: 'number' },
    { name: 'objectsUploaded', type: 'number' },
    { name: 'objectsDeleted', type: 'number' },
    { name: 'objectsUnchanged', type: 'number' },
    { name: 'bytesUploaded', type: 'number' },
    { name: 'purgedUrls', type: 'json' },
    { name: 'error', type: 'textarea' },
    {
      name: 'manifest',
      type: 'json',
      admin: { description: 'The exact file set (path → sha256, size) that this deployment made live; used by rollback' },
    },
  ],
}
