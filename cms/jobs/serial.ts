// Builds and deploys run one at a time per process: the cron may start a handler while another
// is still working, and two runs must never swap or upload the same mission at once.
let chain: Promise<unknown> = Promise.resolve()

export function serially<T>(fn: () => Promise<T>): Promise<T> {
  const run = chain.then(fn)
  chain = run.catch(() => {})
  return run
}
