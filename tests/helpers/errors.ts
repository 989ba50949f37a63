/** The field messages of a Payload ValidationError, as the admin and REST clients show them. */
export async function validationMessages(action: Promise<unknown>): Promise<string> {
  try {
    await action
  } catch (error) {
    const data = (error as { data?: { errors?: { message: string; path: string }[] } }).data
    return (data?.errors ?? []).map((e) => `${e.path}: ${e.message}`).join('\n') || String(error)
  }
  throw new Error('expected the operation to be rejected, but it succeeded')
}
