import { mkdirSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Payload, PayloadRequest } from 'payload'
import { ALERT_LABEL_KEYS, type AlertFile } from './alertBanner'
import { alertsDirFromEnv } from './config'
import { localeCodes } from './locales'
import { keepingLocale } from './nestedRead'
import { lookupUiString } from './uiStrings'

export type { AlertFile } from './alertBanner'

/**
 * Emergency alerts reach the sites without a rebuild: every change writes one small file
 * per mission, <alerts dir>/<code>.json, which the site server (site-server/server.ts) renders into
 * every HTML page of that mission while the alert is in force; the alerts job
 * (cms/jobs/publishAlerts.ts) uploads the same file to the bucket for the edge worker. It lives
 * beside, not inside, dist/sites/<code>/, so a site rebuild (which swaps that folder) never drops it.
 */
export const alertsDir = alertsDirFromEnv

/** The banner's words in every UI locale, carried in the file for servers without locales/ (the edge). */
const alertLabels = () => Object.fromEntries(localeCodes.map((l) => [l, Object.fromEntries(ALERT_LABEL_KEYS.map((k) => [k, lookupUiString(l, k) ?? k]))]))

/** The mission's alert file as it is now (alerts in force and scheduled), without writing it anywhere. */
export async function missionAlertFile(payload: Payload, missionId: number, req?: PayloadRequest): Promise<AlertFile> {
  // System read on purpose: the file must include alerts scheduled for later, which the public API does not list.
  const read = <T>(fn: () => Promise<T>) => (req ? keepingLocale(req, fn) : fn())
  const mission = await read(() => payload.findByID({ collection: 'missions', id: missionId, depth: 0, overrideAccess: true, req }))
  const found = await read(() =>
    payload.find({
      collection: 'alerts',
      where: { and: [{ mission: { equals: missionId } }, { expiresAt: { greater_than: new Date().toISOString() } }] },
      locale: 'all',
      depth: 0,
      pagination: false,
      sort: 'startsAt',
      overrideAccess: true,
      req,
    }),
  )
  const file: AlertFile = {
    mission: mission.code,
    defaultLocale: mission.defaultLocale,
    timeZone: mission.timeZone,
    writtenAt: new Date().toISOString(),
    alerts: found.docs.map((a) => ({
      id: a.id,
      severity: a.severity,
      startsAt: a.startsAt,
      expiresAt: a.expiresAt,
      text: Object.fromEntries(Object.entries((a.text ?? {}) as unknown as Record<string, string | null>).filter((e): e is [string, string] => Boolean(e[1]))),
    })),
    labels: alertLabels(),
  }
  return file
}

/** Writes the mission's alert file; returns its path and the file. */
export async function writeAlertFile(payload: Payload, missionId: number, req?: PayloadRequest): Promise<{ path: string; file: AlertFile }> {
  const file = await missionAlertFile(payload, missionId, req)
  const dir = alertsDir()
  mkdirSync(dir, { recursive: true })
  const target = path.join(dir, `${file.mission}.json`)
  const tmp = `${target}.${process.pid}.tmp`
  writeFileSync(tmp, JSON.stringify(file))
  renameSync(tmp, target) // readers see the old file or the new one, never half of one
  return { path: target, file }
}
