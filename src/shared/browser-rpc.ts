import { MAX_BACKUP_CHARACTERS } from './backup-limit'

/**
 * Browser mode's WebSocket RPC (src/main/browser-host.ts and src/preload/browser.ts):
 * `{ id, method, input }` out, `{ id, result }` back, events as `{ event, payload }`.
 */
export const RPC_PATH = '/rpc'

/**
 * One message to the host, in bytes. The largest call is a backup import, whose file
 * (MAX_BACKUP_CHARACTERS) travels as a JSON string: room for it twice over, since its
 * quotes and line breaks are escaped on the way. Bigger messages close the socket (1009),
 * so the page checks before sending.
 */
export const MAX_RPC_MESSAGE_BYTES = 2 * MAX_BACKUP_CHARACTERS + 1024 * 1024

/** How deeply a message's arrays and objects may nest; no call's input comes near it. */
export const MAX_RPC_DEPTH = 64
