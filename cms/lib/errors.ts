import { APIError } from 'payload'

/**
 * A refusal the user should read. `data` is set because Payload only passes an APIError's
 * message through unchanged when it carries data (in the minified admin build the error's
 * class name is empty, and the message would become "An unknown error occurred.").
 */
export const refusal = (message: string, status = 403) => new APIError(message, status, { message }, true)
