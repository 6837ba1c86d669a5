/** What the guest's own network reached, found before joining. */
export interface RelayCheck {
  /** The room names a TURN (relay) server. */
  relayOffered: boolean
  /** A relay address was handed out: the call gets through even a strict network. */
  relay: boolean
  /** The network's public address was found (STUN): a direct call can work. */
  direct: boolean
}

/** The check in words a client understands: whether to worry, and what to do. */
export function relayCheckWords(check: RelayCheck): { ok: boolean; title: string; text: string } {
  if (check.relay) {
    return { ok: true, title: 'Your connection is ready', text: 'The call can get through from the network you are on.' }
  }
  if (check.direct) {
    return check.relayOffered
      ? {
          ok: false,
          title: 'Your connection may not get through',
          text: 'The call’s relay server could not be reached from your network. The call may still work; if it does not connect, try another network, such as your phone’s hotspot.'
        }
      : {
          ok: true,
          title: 'Your connection looks fine',
          text: 'Your network reaches the call server. A very strict office network could still block the call.'
        }
  }
  return {
    ok: false,
    title: 'Your connection cannot reach the call',
    text: 'Your network did not reach the call’s servers: it may block calls. Try another network, such as your phone’s hotspot, then press Check again.'
  }
}
