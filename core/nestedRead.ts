import type { PayloadRequest } from 'payload'

/**
 * Local API calls made with an operation's `req` (to share its transaction) overwrite
 * `req.locale`. A hook that reads another locale mid-save would then make the rest of the
 * save write into that locale; this restores the request's locale afterwards.
 */
export async function keepingLocale<T>(req: PayloadRequest, read: () => Promise<T>): Promise<T> {
  const { locale, fallbackLocale } = req
  try {
    return await read()
  } finally {
    req.locale = locale
    req.fallbackLocale = fallbackLocale
  }
}
