// Its own module, without zod: browser mode's bridge sizes its messages by it before the page loads.
/** The largest backup file, in characters, that Greenroom reads. */
export const MAX_BACKUP_CHARACTERS = 30 * 1024 * 1024
