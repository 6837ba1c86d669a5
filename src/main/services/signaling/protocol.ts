import {
  parseClientMessage,
  replacedRoomMessage,
  SIGNAL_CLOSE_CODES,
  type ClientMessage,
  type Participant,
  type Role,
  type ServerMessage,
  type SignalErrorCode
} from '../../../shared/signaling'
import type { Clock } from '../clock'
import { RateLimiter } from './rate-limit'
import type { Room, RoomRegistry } from './rooms'

/**
 * The protocol of src/shared/signaling.ts, apart from any socket: one Session per
 * connection, reading the client's messages, keeping the room's seats and call state, and
 * relaying to the other participant. The server (server.ts) feeds it text and tells it
 * when a connection ends.
 */

/** What a session needs of its connection. */
export interface Connection {
  send(message: ServerMessage): void
  /** Closes with a WebSocket close code and a short reason. */
  close(code: number, reason: string): void
}

export interface RateLimits {
  /** Messages a connection may send at once… */
  rateBurst: number
  /** …and per second after that. */
  ratePerSecond: number
}

const other = (role: Role): Role => (role === 'host' ? 'guest' : 'host')

export class SignalingHub {
  constructor(
    readonly rooms: RoomRegistry<Session>,
    readonly clock: Clock,
    readonly limits: RateLimits
  ) {}

  connect(connection: Connection): Session {
    return new Session(this, connection)
  }

  /** Retires a room the host replaced: whoever is in it hears so and is let go. False when there is no such room. */
  retire(id: string, hostName?: string): boolean {
    const room = this.rooms.retire(id, hostName)
    if (!room) return false
    const seats = [room.seats.host, room.seats.guest]
    room.seats.host = null
    room.seats.guest = null
    for (const seat of seats) seat?.fail('ROOM_REPLACED', replacedRoomMessage(hostName), SIGNAL_CLOSE_CODES.ROOM_REPLACED)
    return true
  }

  /** Closes and forgets every room whose time is over; returns how many. */
  expire(): number {
    this.rooms.forgetRetired()
    const expired = this.rooms.expired()
    for (const room of expired) {
      this.rooms.delete(room.id)
      // Both hear that the room expired; neither hears that the other left.
      const seats = [room.seats.host, room.seats.guest]
      room.seats.host = null
      room.seats.guest = null
      for (const seat of seats) {
        seat?.fail('ROOM_EXPIRED', "This call's room has expired", SIGNAL_CLOSE_CODES.ROOM_EXPIRED)
      }
    }
    return expired.length
  }
}

export class Session {
  private room: Room<Session> | null = null
  private role: Role | null = null
  private name = ''
  private ended = false
  /** Messages refused for rate in a row; the connection is closed when it goes on. */
  private strikes = 0
  private readonly limiter: RateLimiter

  constructor(
    private readonly hub: SignalingHub,
    private readonly connection: Connection
  ) {
    this.limiter = new RateLimiter(hub.clock, hub.limits.rateBurst, hub.limits.ratePerSecond)
  }

  get joined(): boolean {
    return this.room !== null
  }

  private get participant(): Participant {
    return { role: this.role ?? 'guest', name: this.name }
  }

  /** One text message from the client. */
  receive(text: string): void {
    if (this.ended) return
    if (!this.limiter.take()) {
      this.strikes += 1
      if (this.strikes > this.hub.limits.rateBurst) {
        this.fail('RATE_LIMITED', 'Too many messages: closing the connection', SIGNAL_CLOSE_CODES.RATE_LIMITED)
      } else if (this.strikes === 1) {
        // Said once per burst, so a flood is not answered with a flood.
        this.refuse('RATE_LIMITED', `Too many messages: at most ${this.hub.limits.ratePerSecond} a second; this one was dropped`)
      }
      return
    }
    this.strikes = 0
    const parsed = parseClientMessage(text)
    if (!parsed.ok) {
      this.refuse(parsed.code, parsed.message, parsed.refused)
      return
    }
    this.handle(parsed.message)
  }

  /** Refuses a binary message: the protocol is JSON text only. */
  receiveBinary(): void {
    if (this.ended) return
    if (!this.limiter.take()) return
    this.refuse('MALFORMED', 'Malformed message: binary messages are not part of the protocol')
  }

  /** The connection ended: `lost` when it dropped or stopped answering heartbeats. */
  disconnected(reason: 'left' | 'lost'): void {
    this.ended = true
    const room = this.room
    const role = this.role
    this.room = null
    if (!room || !role || room.seats[role] !== this) return
    room.seats[role] = null
    room.call = 'idle'
    room.seats[other(role)]?.send({ type: 'peer-left', peer: this.participant, reason })
  }

  /** Sends a fatal error and closes the connection. */
  fail(code: SignalErrorCode, message: string, closeCode: number, refused?: string): void {
    if (this.ended) return
    this.send({ type: 'error', code, message, fatal: true, ...(refused ? { refused } : {}) })
    this.disconnected('left')
    this.connection.close(closeCode, message.slice(0, 100))
  }

  send(message: ServerMessage): void {
    this.connection.send(message)
  }

  private refuse(code: SignalErrorCode, message: string, refused?: string): void {
    this.send({ type: 'error', code, message, fatal: false, ...(refused ? { refused } : {}) })
  }

  private handle(message: ClientMessage): void {
    if (message.type === 'join') {
      this.join(message)
      return
    }
    const room = this.room
    const role = this.role
    if (!room || !role) {
      this.refuse('NOT_JOINED', `Join a room before sending "${message.type}"`, message.type)
      return
    }
    const peer = room.seats[other(role)]
    const notAllowed = (why: string): void => this.refuse('NOT_ALLOWED', why, message.type)

    switch (message.type) {
      case 'ring':
        if (role !== 'guest') return notAllowed('Only the guest rings; the host answers')
        if (!peer) return notAllowed('The host is not here yet')
        if (room.call !== 'idle') return notAllowed(room.call === 'ringing' ? 'Already ringing' : 'The call is already on')
        room.call = 'ringing'
        peer.send({ type: 'ring', from: this.participant })
        return
      case 'accept':
      case 'decline':
        if (role !== 'host') return notAllowed('Only the host answers a ring')
        if (room.call !== 'ringing' || !peer) return notAllowed('Nobody is ringing')
        room.call = message.type === 'accept' ? 'accepted' : 'idle'
        peer.send(message.type === 'accept' ? { type: 'accept' } : { type: 'decline', ...(message.reason ? { reason: message.reason } : {}) })
        return
      case 'signal':
        if (!peer) return notAllowed('Nobody else is in the room')
        if (room.call !== 'accepted') return notAllowed('Signals flow only once the host has accepted the call')
        peer.send({ type: 'signal', data: message.data })
        return
      case 'hang-up':
        if (room.call === 'idle' || !peer) return notAllowed('There is no call to hang up')
        room.call = 'idle'
        peer.send({ type: 'hang-up' })
        return
    }
  }

  private join(message: Extract<ClientMessage, { type: 'join' }>): void {
    if (this.room) {
      this.refuse('ALREADY_JOINED', 'This connection has already joined a room', 'join')
      return
    }
    const opened = this.hub.rooms.open(message.room, message.role, message.token)
    if (!opened.ok) {
      if (opened.reason === 'replaced') {
        this.fail('ROOM_REPLACED', replacedRoomMessage(opened.hostName), SIGNAL_CLOSE_CODES.ROOM_REPLACED, 'join')
      } else if (opened.reason === 'expired') {
        this.fail('ROOM_EXPIRED', "This call's room has expired", SIGNAL_CLOSE_CODES.ROOM_EXPIRED, 'join')
      } else {
        this.fail('UNAUTHORIZED', 'This invite link is not valid, or its room no longer exists', SIGNAL_CLOSE_CODES.UNAUTHORIZED, 'join')
      }
      return
    }
    const room = opened.room
    const role = message.role
    if (room.seats[role]) {
      this.fail('ROOM_FULL', `This call already has its ${role}: two people at most`, SIGNAL_CLOSE_CODES.ROOM_FULL, 'join')
      return
    }
    room.seats[role] = this
    this.room = room
    this.role = role
    this.name = message.name
    const peer = room.seats[other(role)]
    this.send({
      type: 'joined',
      room: room.id,
      role,
      peer: peer ? peer.participant : null,
      expiresAt: room.expiresAt.toISOString(),
      iceServers: room.iceServers
    })
    if (!peer) return
    peer.send({ type: 'peer-joined', peer: this.participant })
    // The host's app rings as soon as the guest is there, whoever came first.
    if (room.call === 'idle') {
      room.call = 'ringing'
      const host = room.seats.host
      const guest = room.seats.guest
      if (host && guest) host.send({ type: 'ring', from: guest.participant })
    }
  }
}
