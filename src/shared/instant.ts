import { z } from 'zod'

/**
 * The one schema for an instant anywhere in Greenroom: the contract, the backup file and
 * the signaling protocol. ISO 8601 with an offset, read as UTC and kept inside years the
 * app can store, export and show (so "9999-12-31T23:00:00-14:00", which is year 10000 in
 * UTC, is refused at the door instead of breaking every later read).
 */
export const EARLIEST_INSTANT = '1970-01-01T00:00:00.000Z'
/** Exclusive. */
export const LATEST_INSTANT = '2200-01-01T00:00:00.000Z'

const earliest = Date.parse(EARLIEST_INSTANT)
const latest = Date.parse(LATEST_INSTANT)

export const instantSchema = z
  // 40 characters hold any real ISO instant; the cap keeps "…00.000000…0Z" of a megabyte out.
  .string()
  .max(40, 'Use an ISO date and time')
  .pipe(z.iso.datetime({ offset: true, message: 'Use an ISO date and time' }))
  .refine(
    (text) => {
      const at = Date.parse(text)
      return at >= earliest && at < latest
    },
    { message: 'Use a date between 1970 and 2199' }
  )
  .transform((text) => new Date(text).toISOString())
