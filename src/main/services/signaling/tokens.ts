import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

/** A new room id: 128 random bits, base64url (22 characters). */
export function newRoomId(): string {
  return randomBytes(16).toString('base64url')
}

/** A new room token: 256 random bits, base64url (43 characters). */
export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

/** What the service keeps of a token: its SHA-256, never the token itself. */
export function digest(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest()
}

/** Compares a candidate secret with a stored digest in constant time. */
export function matches(candidate: string, stored: Buffer): boolean {
  const actual = digest(candidate)
  return actual.length === stored.length && timingSafeEqual(actual, stored)
}
