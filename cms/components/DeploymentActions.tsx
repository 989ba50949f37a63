'use client'
import { Button, useAuth, useConfig, useDocumentInfo } from '@payloadcms/ui'
import { useState } from 'react'

/** "Redeploy" and, for HQ, "Roll back to this deployment" on a deployment record (see Deployments endpoints). */
export function DeploymentActions() {
  const { id } = useDocumentInfo()
  const { user } = useAuth<{ hqRole?: string | null }>()
  const hq = user?.hqRole === 'hq-admin' || user?.hqRole === 'hq-editor'
  const { config } = useConfig()
  const [message, setMessage] = useState<string>()
  const [busy, setBusy] = useState(false)
  if (!id) return null
  const run = async (kind: 'redeploy' | 'rollback') => {
    if (kind === 'rollback' && !window.confirm('Replace the live site with exactly the files of this deployment?')) return
    setBusy(true)
    try {
      const res = await fetch(`${config.routes.api}/deployments/${id}/${kind}`, { method: 'POST', credentials: 'same-origin' })
      const body = (await res.json()) as { message?: string; error?: string }
      setMessage(body.message ?? body.error ?? `HTTP ${res.status}`)
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <div style={{ display: 'flex', gap: '1rem', alignItems: 'center', marginBottom: '1.5rem' }}>
      <Button buttonStyle="secondary" disabled={busy} onClick={() => void run('redeploy')}>
        Redeploy
      </Button>
      {hq && (
        <Button buttonStyle="secondary" disabled={busy} onClick={() => void run('rollback')}>
          Roll back to this deployment
        </Button>
      )}
      {message && <span role="status">{message}</span>}
    </div>
  )
}
