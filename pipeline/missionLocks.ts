import type { Payload } from 'payload'
import type { Pool } from 'pg'

export type MissionLockKind = 'build' | 'deploy'

/** Advisory-lock namespaces (the first key of pg_try_advisory_lock(int, int)); the mission id is the second. */
const NAMESPACE: Record<MissionLockKind, number> = { build: 0x4d50_0001, deploy: 0x4d50_0002 }

export type MissionLocks = { held: number[]; busy: number[]; release: () => Promise<void> }

export const poolOf = (payload: Payload) => (payload.db as unknown as { pool: Pool }).pool

/**
 * Takes what it can of the missions' locks, for as long as a build or deploy runs, so that at
 * most one process anywhere builds (or deploys) a mission at a time. Session-level advisory
 * locks on a connection of their own: Postgres releases them when that connection ends, so a
 * killed worker can never leave a mission locked — no check-then-write, no stale lock rows.
 */
export async function lockMissions(payload: Payload, kind: MissionLockKind, missionIds: number[]): Promise<MissionLocks> {
  const client = await poolOf(payload).connect()
  const held: number[] = []
  const busy: number[] = []
  try {
    for (const id of missionIds) {
      const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS ok', [NAMESPACE[kind], id])
      ;(rows[0]?.ok ? held : busy).push(id)
    }
  } catch (error) {
    client.release(true) // the connection (and any lock on it) goes away
    throw error
  }
  let released = false
  return {
    held,
    busy,
    release: async () => {
      if (released) return
      released = true
      try {
        await client.query('SELECT pg_advisory_unlock_all()')
        client.release()
      } catch {
        client.release(true)
      }
    },
  }
}
