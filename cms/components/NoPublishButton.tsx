'use client'
/** Publishing happens per language in the workflow panel; Payload's all-languages button is hidden. */
export function NoPublishButton() {
  return null
}
