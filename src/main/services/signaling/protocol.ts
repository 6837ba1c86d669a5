import {
  MAX_WATCHERS_PER_ROOM,
  parseClientMessage,
  replacedRoomMessage,
  SIGNAL_CLOSE_CODES,
  type ClientMessage,
  type Participant,
  type Role,
  type RoomIceServer,
  type ServerMessage,
  type SignalErrorCode
} from '../../../shared/signaling'
import type { Clock } from '../../../shared/time-source'
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

/**
 * Told when a guest waits in a room whose host is not there (`guest` set), and when that
 * ends (`guest` null: the guest left, the host came, or the host declined from elsewhere).
 * The app's own server rings the host's app with it; it answers the host's name once the
 * host was told, and the guest hears so.
 */
export type WaitingListener = (room: string, guest: Participant | null) => Promise<string | null> | string | null

export class SignalingHub {
  /** The host's apps watching each room from outside the call page (see `watch` in src/shared/signaling.ts). */
  private readonly watchers = new Map<string, Set<Session>>()

  constructor(
    readonly rooms: RoomRegistry<Session>,
    readonly clock: Clock,
    readonly limits: RateLimits,
    /** The STUN/TURN servers a participant gets besides the room's own: TURN credentials minted for them. */
    readonly iceServersFor: (room: Room<Session>, role: Role) => RoomIceServer[] = () => [],
    readonly onWaiting: WaitingListener | null = null
  ) {}

  /** Whether anyone outside the room is told when a guest waits there: the app's own listener, or a watcher. */
  ringsElsewhere(room: Room<Session>): boolean {
    return this.onWaiting !== null || (this.watchers.get(room.id)?.size ?? 0) > 0
  }

  /** The guest waits with no host in the room: ring the host's app, and tell the guest once it rang. */
  guestWaiting(room: Room<Session>, guest: Session): void {
    if (room.seats.host) return
    const watchers = this.watchers.get(room.id)
    if (watchers && watchers.size > 0) {
      for (const watcher of watchers) watcher.send({ type: 'ring', from: guest.who })
      guest.send({ type: 'host-told', name: [...watchers][0]!.who.name })
    }
    if (!this.onWaiting) return
    void Promise.resolve(this.onWaiting(room.id, guest.who))
      .then((hostName) => {
        if (hostName !== null && room.seats.guest === guest && !room.seats.host) guest.send({ type: 'host-told', name: hostName })
      })
      .catch(() => undefined)
  }

  /** Nobody waits for the host's app any more. */
  waitingOver(room: Room<Session>): void {
    for (const watcher of this.watchers.get(room.id) ?? []) watcher.send({ type: 'waiting-over' })
    if (this.onWaiting) void Promise.resolve(this.onWaiting(room.id, null)).catch(() => undefined)
  }

  /** The host declined from outside the call page: the waiting guest hears it. False when nobody waits. */
  declineWaiting(id: string, reason?: string): boolean {
    const room = this.rooms.get(id)
    const guest = room?.seats.guest
    if (!room || !guest || room.seats.host) return false
    room.call = 'idle'
    guest.send({ type: 'decline', ...(reason ? { reason } : {}) })
    this.waitingOver(room)
    return true
  }

  /** Adds a watcher to the room, false when it has MAX_WATCHERS_PER_ROOM already; a guest already waiting rings it at once. */
  watch(room: Room<Session>, watcher: Session): boolean {
    const watchers = this.watchers.get(room.id) ?? new Set<Session>()
    if (watchers.size >= MAX_WATCHERS_PER_ROOM) return false
    watchers.add(watcher)
    this.watchers.set(room.id, watchers)
    watcher.send({ type: 'watching', room: room.id, expiresAt: room.expiresAt.toISOString() })
    const guest = room.seats.guest
    if (guest && !room.seats.host) {
      watcher.send({ type: 'ring', from: guest.who })
      guest.send({ type: 'host-told', name: watcher.who.name })
    }
    return true
  }

  unwatch(roomId: string, watcher: Session): void {
    const watchers = this.watchers.get(roomId)
    if (!watchers?.delete(watcher)) return
    if (watchers.size === 0) this.watchers.delete(roomId)
  }

  /** Lets the room's watchers go with the room's own ending (expired or replaced). */
  private dropWatchers(id: string, code: SignalErrorCode, message: string, closeCode: number): void {
    const watchers = [...(this.watchers.get(id) ?? [])]
    this.watchers.delete(id)
    for (const watcher of watchers) watcher.fail(code, message, closeCode)
  }

  connect(connection: Connection): Session {
    return new Session(this, connection)
  }

  /** Retires a room the host replaced: whoever is in it hears so and is let go. False when there is no such room. */
  retire(id: string, hostName?: string): boolean {
    const room = this.rooms.retire(id, hostName)
    if (!room) return false
    const seats = [room.seats.host, room.seats.guest]
    if (room.seats.guest && !room.seats.host) this.waitingOver(room)
    room.seats.host = null
    room.seats.guest = null
    for (const seat of seats) seat?.fail('ROOM_REPLACED', replacedRoomMessage(hostName), SIGNAL_CLOSE_CODES.ROOM_REPLACED)
    this.dropWatchers(id, 'ROOM_REPLACED', replacedRoomMessage(hostName), SIGNAL_CLOSE_CODES.ROOM_REPLACED)
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
      if (room.seats.guest && !room.seats.host) this.waitingOver(room)
      room.seats.host = null
      room.seats.guest = null
      for (const seat of seats) {
        seat?.fail('ROOM_EXPIRED', "This call's room has expired", SIGNAL_CLOSE_CODES.ROOM_EXPIRED)
      }
      this.dropWatchers(room.id, 'ROOM_EXPIRED', "This call's room has expired", SIGNAL_CLOSE_CODES.ROOM_EXPIRED)
    }
    return expired.length
  }
}

export class Session {
  private room: Room<Session> | null = null
  private role: Role | null = null
  /** The room this connection watches for the host's app, which takes no seat in it. */
  private watching: Room<Session> | null = null
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

  /** Joined a room or watching one (the join timeout is over). */
  get joined(): boolean {
    return this.room !== null || this.watching !== null
  }

  private get participant(): Participant {
    return { role: this.role ?? 'guest', name: this.name }
  }

  get who(): Participant {
    return this.participant
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
    if (this.watching) this.hub.unwatch(this.watching.id, this)
    this.watching = null
    const room = this.room
    const role = this.role
    this.room = null
    if (!room || !role || room.seats[role] !== this) return
    room.seats[role] = null
    room.call = 'idle'
    room.seats[other(role)]?.send({ type: 'peer-left', peer: this.participant, reason })
    if (role === 'guest' && !room.seats.host) this.hub.waitingOver(room)
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
    if (message.type === 'join' || message.type === 'watch') {
      if (this.room || this.watching) {
        this.refuse('ALREADY_JOINED', 'This connection has already joined a room', message.type)
        return
      }
      if (message.type === 'join') this.join(message)
      else this.watch(message)
      return
    }
    if (this.watching) {
      this.answerAsWatcher(message)
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
        if (!peer) {
          // Ringing again with the call page closed rings the host's app again.
          if (!this.hub.ringsElsewhere(room)) return notAllowed('The host is not here yet')
          this.hub.guestWaiting(room, this)
          return
        }
        if (room.call !== 'idle') return notAllowed(room.call === 'ringing' ? 'Already ringing' : 'The call is already on')
        room.call = 'ringing'
        peer.send({ type: 'ring', from: this.participant })
        return
      case 'accept':
      case 'decline':
        if (role !== 'host') return notAllowed('Only the host answers a ring')
        if (room.call !== 'ringing' || !peer) return notAllowed('Nobody is ringing')
        room.call = message.type === 'accept' ? 'accepted' : 'idle'
        peer.send(
          message.type === 'accept' ? { type: 'accept' } : { type: 'decline', ...(message.reason ? { reason: message.reason } : {}) }
        )
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

  /** A watcher only declines a guest who waits; everything else belongs to the call page. */
  private answerAsWatcher(message: ClientMessage): void {
    const room = this.watching!
    if (message.type !== 'decline') {
      this.refuse('NOT_ALLOWED', 'A watching app only declines a waiting guest; the call page answers the rest', message.type)
      return
    }
    if (!this.hub.declineWaiting(room.id, message.reason)) this.refuse('NOT_ALLOWED', 'Nobody is waiting', message.type)
  }

  private watch(message: Extract<ClientMessage, { type: 'watch' }>): void {
    const opened = this.hub.rooms.open(message.room, 'host', message.token)
    if (!this.admitted(opened, 'watch')) return
    this.role = 'host'
    this.name = message.name
    if (!this.hub.watch(opened.room, this)) {
      this.fail('ROOM_FULL', `This room is watched ${MAX_WATCHERS_PER_ROOM} times already`, SIGNAL_CLOSE_CODES.ROOM_FULL, 'watch')
      return
    }
    this.watching = opened.room
  }

  /** Refuses (fatally) a join or watch whose room or token does not open; true when it opened. */
  private admitted(
    opened: ReturnType<RoomRegistry<Session>['open']>,
    refused: 'join' | 'watch'
  ): opened is Extract<ReturnType<RoomRegistry<Session>['open']>, { ok: true }> {
    if (opened.ok) return true
    if (opened.reason === 'replaced') {
      this.fail('ROOM_REPLACED', replacedRoomMessage(opened.hostName), SIGNAL_CLOSE_CODES.ROOM_REPLACED, refused)
    } else if (opened.reason === 'expired') {
      this.fail('ROOM_EXPIRED', "This call's room has expired", SIGNAL_CLOSE_CODES.ROOM_EXPIRED, refused)
    } else {
      this.fail('UNAUTHORIZED', 'This invite link is not valid, or its room no longer exists', SIGNAL_CLOSE_CODES.UNAUTHORIZED, refused)
    }
    return false
  }

  private join(message: Extract<ClientMessage, { type: 'join' }>): void {
    const opened = this.hub.rooms.open(message.room, message.role, message.token)
    if (!this.admitted(opened, 'join')) return
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
      iceServers: [...room.iceServers, ...this.hub.iceServersFor(room, role)].slice(0, 10)
    })
    if (!peer) {
      if (role === 'guest') this.hub.guestWaiting(room, this)
      return
    }
    if (role === 'host') this.hub.waitingOver(room)
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
