import nodemailer from 'nodemailer'
import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import type { EmailAdapter } from 'payload'

/** The sender when MAIL_FROM is unset (only used with SMTP_URL). */
const DEFAULT_FROM = 'Mission Publisher <no-reply@localhost>'

/** "Name <address>" or a bare address → its parts. */
export function parseMailFrom(value: string): { name: string; address: string } {
  const m = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(value)
  if (m) return { name: m[1]!.trim(), address: m[2]!.trim() }
  return { name: '', address: value.trim() }
}

/**
 * Payload's e-mail adapter from the environment: SMTP_URL (e.g. smtp://user:pass@host:587,
 * smtps://… for implicit TLS) and MAIL_FROM ("Embassy News <news@example.org>"). Without
 * SMTP_URL there is no adapter and Payload writes every message to the log instead, as in
 * development. The transport is not verified at start: an SMTP server that is down must not
 * hold up the admin; a failed send is reported where it happens.
 */
export function emailAdapter(env: Record<string, string | undefined> = process.env): Promise<EmailAdapter> | undefined {
  const url = env.SMTP_URL?.trim()
  if (!url) return undefined
  if (!/^smtps?:\/\//.test(url))
    throw new Error(`SMTP_URL "${url.replace(/\/\/[^@/]*@/, '//…@')}" must start with smtp:// or smtps://, e.g. smtp://user:password@mail.example.org:587.`)
  const from = parseMailFrom(env.MAIL_FROM?.trim() || DEFAULT_FROM)
  if (!/^[^@\s]+@[^@\s]+$/.test(from.address))
    throw new Error(`MAIL_FROM "${env.MAIL_FROM}" is not an e-mail address; use e.g. "Embassy News <news@example.org>".`)
  return nodemailerAdapter({
    defaultFromAddress: from.address,
    defaultFromName: from.name || from.address,
    transport: nodemailer.createTransport(url),
    skipVerify: true,
  })
}
