import os from 'node:os'
import type { Payload } from 'payload'
import { poolOf } from '../../pipeline/missionLocks'
import { workerId } from './claims'

/** How often a jobs runner says it is alive, and how long /api/health believes it (cms/endpoints/health.ts). */
export const HEARTBEAT_EVERY_MS = 5_000
export const HEARTBEAT_FRESH_S = 30

/** This runner's row in worker_heartbeats: written at start and every HEARTBEAT_EVERY_MS. */
export async function beat(payload: Payload) {
  await poolOf(payload).query(
    `INSERT INTO worker_heartbeats (worker_id, host, pid) VALUES ($1, $2, $3)
       ON CONFLICT (worker_id) DO UPDATE SET seen_at = now()`,
    [workerId, os.hostname(), process.pid],
  )
}

/** A runner that stops cleanly leaves at once; a killed one drops out of the count after HEARTBEAT_FRESH_S. */
export async function leave(payload: Payload) {
  await poolOf(payload).query(`DELETE FROM worker_heartbeats WHERE worker_id = $1`, [workerId])
}

/** Rows nobody has refreshed for a day: workers long gone (restarts make new ids). */
export async function forgetOldHeartbeats(payload: Payload) {
  await poolOf(payload).query(`DELETE FROM worker_heartbeats WHERE seen_at < now() - interval '1 day'`)
}
