/** npm run seed — demo missions, accounts and articles (idempotent). */
import { seed } from '../cms/seed'
import { runScript } from './lib/session'

await runScript('seed', async ({ payload }) => {
  await seed(payload)
})
