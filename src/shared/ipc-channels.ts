/** The only two IPC channels Greenroom uses: calls go up on one, events come down on the other. */
export const INVOKE_CHANNEL = 'greenroom:invoke'
export const EVENT_CHANNEL = 'greenroom:event'
