import { z } from 'zod'
import { callRecordSchema, callRoomSchema, rateCallInputSchema, recordCallInputSchema, screenSourcesSchema, signalingInfoSchema } from './call'
import { idSchema, instantSchema } from './pipeline'

/** The call room's calls; merged into the contract in api.ts. */
export const callContract = {
  /**
   * The interview's call room: the one it has while it lives (same invite link), or a new
   * one on the server chosen in Settings. `renew` makes a new room and link.
   */
  openCallRoom: { changes: true, input: z.strictObject({ interviewId: idSchema, renew: z.boolean().default(false) }), output: callRoomSchema },
  getSignalingInfo: { input: z.void(), output: signalingInfoSchema },
  /** A call took place: what was measured. It answers the "did the client come?" question. */
  recordCall: { changes: true, input: recordCallInputSchema, output: callRecordSchema },
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
} as const
