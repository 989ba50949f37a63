import { SMTPServer, type SMTPServerAddress } from 'smtp-server'

/** One message as the SMTP server received it, decoded enough for assertions. */
export type ReceivedMail = {
  from: string
  to: string[]
  raw: string
  headers: Map<string, string>
  subject: string
  /** Decoded text/plain and text/html parts. */
  text: string
  html: string
}

const decodeQp = (s: string) =>
  Buffer.from(
    s.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
    'latin1',
  ).toString('utf8')

/** RFC 2047 encoded words (=?UTF-8?Q?…?= / =?UTF-8?B?…?=), as nodemailer writes them. */
const decodeWords = (s: string) =>
  s.replace(/=\?([^?]+)\?([QB])\?([^?]*)\?=\s*(?==\?)?/gi, (_, _cs: string, enc: string, text: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : decodeQp(text.replace(/_/g, ' ')),
  )

function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>()
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':')
    if (i > 0) headers.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim())
  }
  return headers
}

function split(raw: string): [string, string] {
  const i = raw.search(/\r?\n\r?\n/)
  return i < 0 ? [raw, ''] : [raw.slice(0, i), raw.slice(i).replace(/^\r?\n\r?\n/, '')]
}

function decodeBody(headers: Map<string, string>, body: string): string {
  const enc = (headers.get('content-transfer-encoding') ?? '').toLowerCase()
  if (enc === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
  if (enc === 'quoted-printable') return decodeQp(body)
  return body
}

function parts(headers: Map<string, string>, body: string, out: { text: string; html: string }) {
  const type = headers.get('content-type') ?? 'text/plain'
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1]
  if (/^multipart\//i.test(type) && boundary) {
    for (const chunk of body.split(`--${boundary}`).slice(1)) {
      if (chunk.startsWith('--')) break
      const [h, b] = split(chunk.replace(/^\r?\n/, ''))
      parts(parseHeaders(h), b, out)
    }
  } else if (/^text\/html/i.test(type)) out.html += decodeBody(headers, body)
  else if (/^text\/plain/i.test(type)) out.text += decodeBody(headers, body)
}

export function parseMail(raw: string, envelope: { from: string; to: string[] }): ReceivedMail {
  const [h, b] = split(raw)
  const headers = parseHeaders(h)
  const out = { text: '', html: '' }
  parts(headers, b, out)
  return { ...envelope, raw, headers, subject: decodeWords(headers.get('subject') ?? ''), ...out }
}

/**
 * A real SMTP server on a free loopback port (the smtp-server package), keeping every message.
 * `refuse` may answer a recipient with an SMTP error (e.g. 550 for a bounce, 451 for a
 * temporary failure) — what a receiving server does.
 */
export async function startSmtpServer(options: { refuse?: (address: string) => { code: number; message: string } | undefined } = {}) {
  const messages: ReceivedMail[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onRcptTo(address: SMTPServerAddress, _session, callback) {
      const refusal = options.refuse?.(address.address)
      if (!refusal) return callback()
      const error = Object.assign(new Error(refusal.message), { responseCode: refusal.code })
      callback(error)
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : ''
        messages.push(parseMail(Buffer.concat(chunks).toString('utf8'), { from, to: session.envelope.rcptTo.map((r) => r.address) }))
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.server.address() as { port: number }).port
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    /** Messages to one address. */
    to: (address: string) => messages.filter((m) => m.to.includes(address)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
