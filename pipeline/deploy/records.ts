import os from 'node:os'
import type { Payload } from 'payload'
import type { Deployment } from '#core/payload-types'

const system = { overrideAccess: true } as const // the pipeline writes the log; staff only read it
export const runnerId = () => `${os.hostname()}:${process.pid}`

/** A running record is stale when its process is gone (same host) or it is older than `maxAgeMs`. */
function isStale(d: Deployment, maxAgeMs: number): boolean {
  const [host, pid] = (d.runner ?? '').split(':')
  if (host === os.hostname() && pid) {
    if (Number(pid) === process.pid) return false
    try {
      process.kill(Number(pid), 0)
    } catch {
      return true // no such process: it was killed mid-deploy
    }
  }
  return Date.now() - new Date(d.startedAt).getTime() > maxAgeMs
}

/**
 * Marks "running" deployments (of one mission, or all) whose process died as failed, so a killed deploy
 * never leaves a record that looks in progress. Returns how many were fixed.
 */
export async function failStaleDeployments(
  payload: Payload,
  missionId?: number,
  maxAgeMs = 60 * 60 * 1000,
  options: { deployLockHeld?: boolean } = {},
): Promise<{ stale: number; live: Deployment[] }> {
  const running = await payload.find({
    collection: 'deployments',
    where: { and: [...(missionId === undefined ? [] : [{ mission: { equals: missionId } }]), { status: { equals: 'running' } }] },
    pagination: false,
    depth: 0,
    ...system,
  })
  let stale = 0
  const live: Deployment[] = []
  for (const d of running.docs) {
    // Under the mission's deploy lock no other process can be deploying it: every running record is left over.
    if (!options.deployLockHeld && !isStale(d, maxAgeMs)) {
      live.push(d)
      continue
    }
    await payload.update({
      collection: 'deployments',
      id: d.id,
      data: {
        status: 'failed',
        finishedAt: new Date().toISOString(),
        error: `${d.error ? `${d.error}\n` : ''}The deploying process (${d.runner}) stopped before finishing; marked failed by the next run.`,
      },
      ...system,
    })
    stale++
  }
  return { stale, live }
}

export async function startDeployment(payload: Payload, data: { mission: number; trigger: string; rollbackOf?: number }) {
  return payload.create({
    collection: 'deployments',
    data: { ...data, status: 'running', runner: runnerId(), startedAt: new Date().toISOString() },
    depth: 0,
    ...system,
  })
}

export async function finishDeployment(payload: Payload, id: number, data: Partial<Deployment>) {
  return payload.update({ collection: 'deployments', id, data: { ...data, finishedAt: new Date().toISOString() }, depth: 0, ...system })
}

/** A mission whose site could not be built gets a failed record too, naming the cause (e.g. the article). */
export async function recordBuildFailure(payload: Payload, missionCode: string, trigger: string, error: string) {
  const found = await payload.find({ collection: 'missions', where: { code: { equals: missionCode } }, depth: 0, limit: 1, ...system })
  const mission = found.docs[0]
  if (!mission) return
  const now = new Date().toISOString()
  await payload.create({
    collection: 'deployments',
    data: {
      mission: mission.id,
      trigger,
      status: 'failed',
      runner: runnerId(),
      startedAt: now,
      finishedAt: now,
      error: `Build failed: ${error}\nThe previous deployment stays live.`,
    },
    depth: 0,
    ...system,
  })
}
