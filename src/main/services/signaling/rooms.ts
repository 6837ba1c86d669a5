import { DEFAULT_ROOM_TTL_SECONDS, type CallInvite, type Role, type RoomIceServer } from '../../../shared/signaling'
import type { Clock } from '../../../shared/time-source'
import type { KeptRoom } from './room-store'
import { digest, matches, newRoomId, newToken } from './tokens'

/**
 * The call state of a room. `idle`: nobody is ringing; `ringing`: the guest waits for the
 * host's answer; `accepted`: the host let the guest in, and signals flow.
 */
export type CallState = 'idle' | 'ringing' | 'accepted'

export interface Room<Seat> {
  readonly id: string
  readonly expiresAt: Date
  /** STUN/TURN servers handed to both participants on joining. */
  readonly iceServers: RoomIceServer[]
  /** What the guest page says of the call before joining. */
  readonly invite: CallInvite
  /** Who sits in each place, if anyone. */
  readonly seats: Record<Role, Seat | null>
  call: CallState
}

interface StoredRoom<Seat> extends Room<Seat> {
  /** SHA-256 of each role's token: the tokens themselves are handed out once and forgotten. */
  readonly tokenDigests: Record<Role, Buffer>
}

export interface NewRoom {
  room: string
  hostToken: string
  guestToken: string
  expiresAt: Date
  iceServers?: RoomIceServer[]
  invite?: CallInvite
}

export type OpenResult<Seat> =
  | { ok: true; room: Room<Seat> }
  | { ok: false; reason: 'unauthorized' | 'expired' }
  /** The host replaced the room with a new one; `hostName` is who to ask for the new link. */
  | { ok: false; reason: 'replaced'; hostName?: string }

/** What is kept of a retired room until its time would have run out: enough to tell its link was replaced. */
interface RetiredRoom {
  readonly expiresAt: Date
  readonly tokenDigests: Record<Role, Buffer>
  readonly hostName?: string
}

export class RoomLimitError extends Error {
  constructor(readonly maxRooms: number) {
    super(`This server already holds its maximum of ${maxRooms} rooms`)
    this.name = 'RoomLimitError'
  }
}

/** The rooms a signaling service knows, with their tokens (as digests), seats and expiry. */
export class RoomRegistry<Seat> {
  private readonly rooms = new Map<string, StoredRoom<Seat>>()
  private readonly retired = new Map<string, RetiredRoom>()

  constructor(private readonly options: { clock: Clock; maxRooms: number }) {}

  get size(): number {
    return this.rooms.size
  }

  /** A new room with fresh tokens for both roles; expired rooms make way first. */
  create(ttlSeconds: number = DEFAULT_ROOM_TTL_SECONDS, iceServers: RoomIceServer[] = [], invite: CallInvite = {}): NewRoom {
    if (this.rooms.size >= this.options.maxRooms) {
      for (const room of this.expired()) this.rooms.delete(room.id)
      if (this.rooms.size >= this.options.maxRooms) throw new RoomLimitError(this.options.maxRooms)
    }
    const id = newRoomId()
    const hostToken = newToken()
    const guestToken = newToken()
    const expiresAt = new Date(this.options.clock.now().getTime() + ttlSeconds * 1000)
    this.rooms.set(id, {
      id,
      expiresAt,
      iceServers,
      invite,
      seats: { host: null, guest: null },
      call: 'idle',
      tokenDigests: { host: digest(hostToken), guest: digest(guestToken) }
    })
    return { room: id, hostToken, guestToken, expiresAt, iceServers, invite }
  }

  /**
   * Takes back a room made earlier (by this registry before a restart): same id, same
   * tokens, same expiry. False when it has expired, the id is taken or the registry is full.
   */
  restore(made: NewRoom): boolean {
    if (this.rooms.has(made.room) || made.expiresAt.getTime() <= this.options.clock.now().getTime()) return false
    if (this.rooms.size >= this.options.maxRooms) return false
    this.rooms.set(made.room, {
      id: made.room,
      expiresAt: made.expiresAt,
      iceServers: made.iceServers ?? [],
      invite: made.invite ?? {},
      seats: { host: null, guest: null },
      call: 'idle',
      tokenDigests: { host: digest(made.hostToken), guest: digest(made.guestToken) }
    })
    return true
  }

  /**
   * Takes back a room as a RoomStore kept it (its tokens' digests, not the tokens), or its
   * retired remains. False when it has expired, the id is taken or the registry is full.
   */
  adopt(kept: KeptRoom): boolean {
    if (this.rooms.has(kept.id) || this.retired.has(kept.id) || kept.expiresAt.getTime() <= this.options.clock.now().getTime()) return false
    if (kept.retired) {
      this.retired.set(kept.id, {
        expiresAt: kept.expiresAt,
        tokenDigests: kept.tokenDigests,
        ...(kept.retired.hostName ? { hostName: kept.retired.hostName } : {})
      })
      return true
    }
    if (this.rooms.size >= this.options.maxRooms) return false
    this.rooms.set(kept.id, {
      id: kept.id,
      expiresAt: kept.expiresAt,
      iceServers: kept.iceServers,
      invite: kept.invite,
      seats: { host: null, guest: null },
      call: 'idle',
      tokenDigests: kept.tokenDigests
    })
    return true
  }

  /** The room as a RoomStore keeps it. */
  keep(id: string): KeptRoom | undefined {
    const room = this.rooms.get(id)
    return (
      room && {
        id,
        expiresAt: room.expiresAt,
        tokenDigests: room.tokenDigests,
        iceServers: room.iceServers,
        invite: room.invite,
        retired: null
      }
    )
  }

  /**
   * The room, when `token` is this room's token for `role`. An unknown room and a wrong
   * token look the same from outside; an expired room is said to be expired only to
   * someone who holds its token.
   */
  open(id: string, role: Role, token: string): OpenResult<Seat> {
    const replaced = this.retired.get(id)
    if (replaced && matches(token, replaced.tokenDigests[role]) && replaced.expiresAt.getTime() > this.options.clock.now().getTime()) {
      return { ok: false, reason: 'replaced', ...(replaced.hostName ? { hostName: replaced.hostName } : {}) }
    }
    const room = this.rooms.get(id)
    // Hash the candidate even for an unknown room, so both refusals take the same time.
    const valid = matches(token, room?.tokenDigests[role] ?? Buffer.alloc(32))
    if (!room || !valid) return { ok: false, reason: 'unauthorized' }
    if (this.isExpired(room)) return { ok: false, reason: 'expired' }
    return { ok: true, room }
  }

  get(id: string): Room<Seat> | undefined {
    return this.rooms.get(id)
  }

  isExpired(room: Room<Seat>): boolean {
    return room.expiresAt.getTime() <= this.options.clock.now().getTime()
  }

  /** The rooms whose time is over, by the clock. */
  expired(): Room<Seat>[] {
    return [...this.rooms.values()].filter((room) => this.isExpired(room))
  }

  delete(id: string): boolean {
    return this.rooms.delete(id)
  }

  /**
   * Takes the room out at once (its place is free for a new one) and remembers, until it
   * would have expired, that its tokens now belong to a replaced room. Returns the room
   * as it was, so whoever sits in it can be told; undefined when there is no such room.
   */
  retire(id: string, hostName?: string): Room<Seat> | undefined {
    const room = this.rooms.get(id)
    if (!room) return undefined
    this.rooms.delete(id)
    this.retired.set(id, { expiresAt: room.expiresAt, tokenDigests: room.tokenDigests, ...(hostName ? { hostName } : {}) })
    return room
  }

  /** Forgets retired rooms whose time is over: their links now read as unknown. */
  forgetRetired(): void {
    const now = this.options.clock.now().getTime()
    for (const [id, room] of this.retired) if (room.expiresAt.getTime() <= now) this.retired.delete(id)
  }
}
