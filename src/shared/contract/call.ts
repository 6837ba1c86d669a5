import { z } from 'zod'
import {
  callRecordSchema,
  callRoomSchema,
  chatLineSchema,
  rateCallInputSchema,
  recordCallInputSchema,
  screenSourcesSchema,
  serverCheckSchema,
  signalingInfoSchema,
  waitingGuestSchema
} from '../call'
import { idSchema, instantSchema, noteSchema } from '../pipeline'
import type { ContractSlice } from './common'

/** The call room's calls. */
export const callContract = {
  /**
   * The interview's call room: the one it has while it lives (same invite link), or a new
   * one on the server chosen in Settings. `renew` makes a new room and link. Not announced:
   * the room is nothing a list shows.
   */
  openCallRoom: {
    changes: true,
    announce: false,
    input: z.strictObject({ interviewId: idSchema, renew: z.boolean().default(false) }),
    output: callRoomSchema
  },
  getSignalingInfo: { input: z.void(), output: signalingInfoSchema },
  /** Guests waiting in a call room whose page is closed (the ring dialog on any page); also pushed as callWaiting. */
  listWaitingGuests: { input: z.void(), output: z.array(waitingGuestSchema) },
  /** Not now, from the ring dialog outside the call page: the waiting guest is told. */
  declineWaitingGuest: { input: z.strictObject({ interviewId: idSchema }), output: z.null() },
  /** Check this server: HTTPS, the call socket (as this page's `origin`), a room made with the secret; TURN passwords for the relay steps. */
  checkSignalingServer: {
    input: z.strictObject({
      url: z
        .string()
        .trim()
        .max(500)
        .regex(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, 'Use the server’s address, e.g. https://signal.example.com'),
      adminSecret: z.string().trim().max(500),
      origin: z
        .string()
        .max(200)
        .regex(/^(file:\/\/|app:\/\/greenroom|https?:\/\/[^\s/]+)$/, 'An origin such as http://127.0.0.1:5000 or app://greenroom')
    }),
    output: serverCheckSchema
  },
  /** A call took place: what was measured. It answers the "did the client come?" question. */
  recordCall: { changes: true, input: recordCallInputSchema, output: callRecordSchema },
  /** The chat of a call that ended goes into the interview's notes, one note per call. */
  saveCallChat: {
    changes: true,
    input: z.strictObject({ interviewId: idSchema, startedAt: instantSchema, lines: z.array(chatLineSchema).min(1).max(1_000) }),
    output: noteSchema
  },
  /** The user's rating of a call, 1–5, with the issues they noticed. */
  rateCall: { changes: true, input: rateCallInputSchema, output: callRecordSchema },
  listCalls: { input: z.strictObject({ interviewId: idSchema }), output: z.array(callRecordSchema) },
  /** Screens and windows for the desktop app's share picker (browser mode: the browser's own picker). */
  listScreenSources: { input: z.void(), output: screenSourcesSchema },
  /** The source the next screen-share request gets (desktop app). */
  chooseScreenSource: { input: z.strictObject({ id: z.string().min(1).max(200) }), output: z.null() },
  /**
   * Join a call held elsewhere: its link goes to the system (desktop app) after the link
   * allowlist; browser mode gets the checked link back to open in a new tab.
   */
  joinCall: {
    input: z.strictObject({ interviewId: idSchema }),
    output: z.object({ link: z.string().max(2000).nullable(), opened: z.boolean() })
  },
  /** The app's time, which the renderer's clock may differ from (browser mode's --clock-start). */
  /** The host's clock as it answers (`--clock-start` moves it): the renderer's times follow it. */
  getClock: { input: z.void(), output: z.object({ now: instantSchema }) },
  /**
   * Shrinks the window to a small one that stays on top (desktop app), or back: the call
   * room's mini window, or the companion's narrow one beside another app's call.
   */
  setCallWindow: {
    input: z.strictObject({ mini: z.boolean(), inCall: z.boolean(), layout: z.enum(['call', 'companion']).default('call') }),
    output: z.object({ alwaysOnTop: z.boolean() })
  }
} as const satisfies ContractSlice
