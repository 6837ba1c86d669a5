import { z } from 'zod'
import { callInviteSchema, roomIceServerSchema, type CallInvite, type Role, type RoomIceServer } from '../../../shared/signaling'
import { openDatabase, type Database } from '../database'

/**
 * A standalone signaling server's rooms on disk (`npm run signal -- --data-dir …`), so a
 * restart keeps every invite link it gave out: each room's id, expiry, servers and the
 * SHA-256 of its two tokens (never the tokens), the invite the guest page shows, and which
 * rooms were retired and by whom.
 */

/** A room as kept on disk. */
export interface KeptRoom {
  id: string
  expiresAt: Date
  tokenDigests: Record<Role, Buffer>
  iceServers: RoomIceServer[]
  /** What the guest page says of the call (host, title, start, length). */
  invite: CallInvite
  /** Retired rooms are kept until they would have expired, so their links still say they were replaced. */
  retired: { hostName?: string } | null
}

export interface RoomStore {
  /** Every room whose time is not over at `now`. */
  load(now: Date): Promise<KeptRoom[]>
  put(room: KeptRoom): Promise<void>
  retire(id: string, hostName: string | undefined): Promise<void>
  /** Forgets rooms whose time is over. */
  forgetExpired(now: Date): Promise<void>
  close(): Promise<void>
}

const SCHEMA_VERSION = 2
const iceServersSchema = z.array(roomIceServerSchema).max(10)

interface Row {
  id: string
  expires_at: string
  host_digest: Buffer
  guest_digest: Buffer
  ice_servers: string
  invite: string
  retired: number
  host_name: string | null
}

export async function openRoomStore(file: string): Promise<RoomStore> {
  const db: Database = await openDatabase(file)
  const version = (await db.get<{ user_version: number }>('PRAGMA user_version'))?.user_version ?? 0
  if (version > SCHEMA_VERSION) {
    await db.close()
    throw new Error(`The rooms file ${file} was written by a newer Greenroom: update this server's copy of Greenroom`)
  }
  // Version 2 keeps each room's invite too.
  if (version === 1) await db.exec("ALTER TABLE rooms ADD COLUMN invite TEXT NOT NULL DEFAULT '{}'")
  await db.exec(`
    CREATE TABLE IF NOT EXISTS rooms (
      id TEXT PRIMARY KEY,
      expires_at TEXT NOT NULL,
      host_digest BLOB NOT NULL,
      guest_digest BLOB NOT NULL,
      ice_servers TEXT NOT NULL DEFAULT '[]',
      invite TEXT NOT NULL DEFAULT '{}',
      retired INTEGER NOT NULL DEFAULT 0,
      host_name TEXT
    );
    PRAGMA user_version = ${SCHEMA_VERSION};
  `)

  return {
    async load(now) {
      const rows = await db.all<Row>('SELECT * FROM rooms WHERE julianday(expires_at) > julianday(?)', [now.toISOString()])
      return rows.flatMap((row): KeptRoom[] => {
        let servers: unknown
        try {
          servers = JSON.parse(row.ice_servers)
        } catch {
          servers = []
        }
        const iceServers = iceServersSchema.safeParse(servers)
        let inviteJson: unknown
        try {
          inviteJson = JSON.parse(row.invite)
        } catch {
          inviteJson = {}
        }
        const invite = callInviteSchema.safeParse(inviteJson)
        return [
          {
            id: row.id,
            expiresAt: new Date(row.expires_at),
            tokenDigests: { host: row.host_digest, guest: row.guest_digest },
            iceServers: iceServers.success ? iceServers.data : [],
            invite: invite.success ? invite.data : {},
            retired: row.retired ? { ...(row.host_name ? { hostName: row.host_name } : {}) } : null
          }
        ]
      })
    },
    async put(room) {
      await db.run(
        'INSERT OR REPLACE INTO rooms (id, expires_at, host_digest, guest_digest, ice_servers, invite, retired, host_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        [
          room.id,
          room.expiresAt.toISOString(),
          room.tokenDigests.host,
          room.tokenDigests.guest,
          JSON.stringify(room.iceServers),
          JSON.stringify(room.invite),
          room.retired ? 1 : 0,
          room.retired?.hostName ?? null
        ]
      )
    },
    async retire(id, hostName) {
      await db.run('UPDATE rooms SET retired = 1, host_name = ? WHERE id = ?', [hostName ?? null, id])
    },
    async forgetExpired(now) {
      await db.run('DELETE FROM rooms WHERE julianday(expires_at) <= julianday(?)', [now.toISOString()])
    },
    close: () => db.close()
  }
}
