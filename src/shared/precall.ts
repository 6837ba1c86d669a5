import { z } from 'zod'
import { instantSchema } from './pipeline'

/** The pre-call connection test: what each check measured, and what the user should do. */

/** Caps of the report's free text, so a saved report always fits a backup. */
export const MAX_LOOPBACK_ERROR = 500
const deviceLabelSchema = z.string().max(500)

export const mediaErrorSchema = z.enum(['permission', 'in_use', 'not_found', 'other'])

export const cameraResultSchema = z.object({
  status: z.enum(['ok', 'error']),
  error: mediaErrorSchema.nullable(),
  deviceLabel: deviceLabelSchema,
  width: z.number().int().nonnegative(),
  height: z.number().int().nonnegative(),
  framesPerSecond: z.number().nonnegative(),
  black: z.boolean(),
  frozen: z.boolean()
})

export const microphoneResultSchema = z.object({
  status: z.enum(['ok', 'error']),
  error: mediaErrorSchema.nullable(),
  deviceLabel: deviceLabelSchema,
  /** Loudest sample heard, 0 … 1 of full scale. */
  peakLevel: z.number().min(0).max(1),
  silent: z.boolean(),
  clipping: z.boolean()
})

export const speakersResultSchema = z.object({
  status: z.enum(['confirmed', 'not_heard', 'not_tested']),
  deviceLabel: deviceLabelSchema
})

export const networkResultSchema = z.object({
  gatheringMs: z.number().nonnegative(),
  candidates: z.object({
    host: z.number().int(),
    srflx: z.number().int(),
    relay: z.number().int(),
    udp: z.number().int(),
    tcp: z.number().int()
  }),
  stunConfigured: z.boolean(),
  turnConfigured: z.boolean()
})

export const loopbackResultSchema = z.object({
  status: z.enum(['ok', 'error']),
  error: z.string().max(MAX_LOOPBACK_ERROR).nullable(),
  relayed: z.boolean(),
  samples: z.number().int().nonnegative(),
  rttMs: z.number().nonnegative(),
  jitterMs: z.number().nonnegative(),
  lossPercent: z.number().min(0).max(100),
  /** Media packets the loss was measured over. */
  packets: z.number().int().nonnegative(),
  bitrateKbps: z.number().nonnegative(),
  width: z.number().int().nonnegative(),
  height: z.number().int().nonnegative(),
  framesDecoded: z.number().int().nonnegative(),
  qualityLimitation: z.enum(['none', 'cpu', 'bandwidth', 'other']),
  mos: z.number().min(1).max(4.5),
  /**
   * The second test call, forced through the TURN server, held beside the direct one:
   * the figures above are the relayed call's when it connected, the direct call's if not.
   * (Reports saved before it existed read as not tested.)
   */
  relayCall: z.enum(['not_tested', 'connected', 'failed']).default('not_tested')
})

/**
 * What the page and the README promise, as `npm run bench -- connection-test` measures it
 * from Start: the first verdict in about this many seconds, the full report within the other.
 */
export const PROMISED_SECONDS = { firstVerdict: 2, fullReport: 10 } as const

export const verdictSchema = z.enum(['ready', 'usable', 'not_ready'])
export type Verdict = z.infer<typeof verdictSchema>

export const VERDICT_LABELS: Record<Verdict, string> = {
  ready: 'Ready',
  usable: 'Usable with warnings',
  not_ready: 'Not ready'
}

export const checkNameSchema = z.enum(['camera', 'microphone', 'speakers', 'network', 'loopback'])
export type CheckName = z.infer<typeof checkNameSchema>

export const findingSchema = z.object({
  check: checkNameSchema,
  severity: z.enum(['info', 'warn', 'fail']),
  cause: z.string().max(1000),
  fix: z.string().max(1000)
})
export type Finding = z.infer<typeof findingSchema>

export const checkResultsSchema = z.object({
  camera: cameraResultSchema.nullable(),
  microphone: microphoneResultSchema.nullable(),
  speakers: speakersResultSchema.nullable(),
  network: networkResultSchema.nullable(),
  loopback: loopbackResultSchema.nullable()
})
export type CheckResults = z.infer<typeof checkResultsSchema>

export const connectionReportSchema = z.object({
  startedAt: instantSchema,
  firstVerdictMs: z.number().nonnegative(),
  durationMs: z.number().nonnegative(),
  verdict: verdictSchema,
  results: checkResultsSchema,
  findings: z.array(findingSchema)
})
export type ConnectionReport = z.infer<typeof connectionReportSchema>
export const storedReportSchema = connectionReportSchema.extend({ id: z.number().int() })
export type StoredReport = z.infer<typeof storedReportSchema>

/** Where Greenroom runs: the block on a camera or microphone sits in a different place in each. */
export type AppMode = 'electron' | 'browser'

const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1)

const MEDIA_PROBLEMS = {
  permission: (device: string, mode: AppMode) => ({
    cause: `Greenroom is not allowed to use the ${device}.`,
    fix:
      mode === 'browser'
        ? `Allow ${device} access for Greenroom in this browser: click the icon at the left of the address bar, set ${capitalised(device)} to Allow, then run the test again. If it is already allowed there, your computer blocks the browser itself: allow it in the system's privacy settings.`
        : `Allow ${device} access for Greenroom in your system's privacy settings (Windows: Settings → Privacy & security → ${capitalised(device)}; macOS: System Settings → Privacy & Security → ${capitalised(device)}), then run the test again.`
  }),
  in_use: (device: string) => ({
    cause: `The ${device} is in use by another app.`,
    fix: `Close other apps that use the ${device} (Zoom, Teams, Skype, a browser tab), then run the test again.`
  }),
  not_found: (device: string) => ({
    cause: `No ${device} was found.`,
    fix: `Plug in a ${device}, or pick another one from the list.`
  }),
  other: (device: string) => ({
    cause: `The ${device} could not be started.`,
    fix: `Reconnect the ${device} or pick another one, then run the test again.`
  })
}

/** Limits the verdict is judged by; the MOS ones follow the E-model's usual bands. */
export const LIMITS = {
  lossWarnPercent: 2,
  lossFailPercent: 10,
  rttWarnMs: 250,
  rttFailMs: 500,
  jitterWarnMs: 30,
  mosWarn: 3.8,
  mosFail: 3.1,
  minFramesPerSecond: 15,
  /** Loudest sample below this (about −30 dBFS) is a voice the client strains to hear. */
  quietPeakLevel: 0.03,
  silentPeakLevel: 0.01
} as const

type MicrophoneResult = z.infer<typeof microphoneResultSchema>

/** How loud the microphone sounded, in words a person understands (the figure stays in the report). */
export function describeVoiceLevel(microphone: Pick<MicrophoneResult, 'peakLevel' | 'silent' | 'clipping'>): string {
  if (microphone.silent) return 'Nothing heard'
  if (microphone.clipping) return 'Too loud: your voice distorts'
  if (microphone.peakLevel < LIMITS.quietPeakLevel) return 'Very quiet: hard to hear'
  if (microphone.peakLevel < 0.1) return 'A little quiet, but clear'
  return 'Loud and clear'
}

/**
 * Turns measurements into findings, each with its cause and its fix, and the verdict:
 * any failure means Not ready, any warning Usable with warnings. Checks still running
 * (null) add nothing, so the same function gives the first verdict and the full report.
 */
export function assessConnection(results: CheckResults, mode: AppMode = 'electron'): { verdict: Verdict; findings: Finding[] } {
  const findings: Finding[] = []
  const add = (check: CheckName, severity: Finding['severity'], cause: string, fix: string) =>
    findings.push({ check, severity, cause, fix })

  const { camera, microphone, speakers, network, loopback } = results
  if (camera?.error) {
    const problem = MEDIA_PROBLEMS[camera.error]('camera', mode)
    add('camera', camera.error === 'not_found' ? 'warn' : 'fail', problem.cause, problem.fix)
  } else if (camera) {
    if (camera.black)
      add(
        'camera',
        'warn',
        'The camera sends only a black picture.',
        'Open the lens cover or switch on the camera, or pick another camera.'
      )
    else if (camera.frozen) add('camera', 'warn', 'The camera picture is frozen.', 'Reconnect the camera or pick another one.')
    if (camera.framesPerSecond > 0 && camera.framesPerSecond < LIMITS.minFramesPerSecond) {
      add(
        'camera',
        'warn',
        `The camera delivers only ${Math.round(camera.framesPerSecond)} frames a second.`,
        'Add light in front of you and close apps that keep the computer busy.'
      )
    }
  }

  if (microphone?.error) {
    const problem = MEDIA_PROBLEMS[microphone.error]('microphone', mode)
    add('microphone', 'fail', problem.cause, problem.fix)
  } else if (microphone) {
    if (microphone.silent)
      add(
        'microphone',
        'fail',
        'We hear nothing from your microphone.',
        'Pick another input or unmute it (check for a mute switch on the headset), then say a few words.'
      )
    else if (microphone.clipping)
      add(
        'microphone',
        'warn',
        'Your voice is clipping: it is too loud for the input.',
        'Lower the input volume or move a little away from the microphone.'
      )
    else if (microphone.peakLevel < LIMITS.quietPeakLevel)
      add(
        'microphone',
        'warn',
        'Your microphone is very quiet: the client may strain to hear you.',
        'Move closer to the microphone or raise its input volume, and say a few words while the test listens.'
      )
  }

  if (speakers?.status === 'not_heard') {
    add('speakers', 'warn', 'You did not hear the test tone.', 'Pick another output, turn the volume up, or plug in your headphones.')
  }

  if (network) {
    const { candidates } = network
    const total = candidates.host + candidates.srflx + candidates.relay
    if (total === 0)
      add('network', 'fail', 'No network path was found at all.', 'Check that you are online and that no firewall blocks Greenroom.')
    else {
      // One finding for a TURN server that does not work, however many checks noticed it.
      if (network.turnConfigured && (candidates.relay === 0 || loopback?.relayCall === 'failed')) {
        const cause =
          candidates.relay === 0
            ? 'The TURN server did not answer, so there is no fallback when direct connections are blocked.'
            : 'The test call through your TURN server did not connect, so there is no fallback when direct connections are blocked.'
        add('network', 'warn', cause, 'Check the TURN address, user name and password in Settings, or ask your network admin.')
      }
      if (network.stunConfigured && candidates.srflx === 0) {
        add(
          'network',
          candidates.relay > 0 ? 'info' : 'warn',
          'The STUN server did not answer: UDP may be blocked here.',
          'Calls will fall back to TURN over TCP/TLS if one is set in Settings; on this network, prefer a cable or another Wi-Fi.'
        )
      }
      if (!network.stunConfigured && !network.turnConfigured) {
        add(
          'network',
          'info',
          'Only this computer’s own connections were tested: no STUN or TURN server is set.',
          'Add the STUN/TURN servers of your call service in Settings to test the way out to the internet.'
        )
      }
    }
  }

  if (loopback?.status === 'error') {
    add(
      'loopback',
      'fail',
      `The test call could not connect${loopback.error ? ` (${loopback.error})` : ''}.`,
      'Check your firewall and the STUN/TURN settings, then run the test again.'
    )
  } else if (loopback && loopback.samples > 0) {
    const loss = loopback.lossPercent
    if (loss >= LIMITS.lossFailPercent)
      add(
        'loopback',
        'fail',
        `Heavy packet loss: ${loss.toFixed(1)}% of packets are lost.`,
        'Move closer to the router or use a cable, and pause downloads and streaming.'
      )
    else if (loss >= LIMITS.lossWarnPercent)
      add('loopback', 'warn', `Packet loss of ${loss.toFixed(1)}%: audio may break up.`, 'Move closer to the router or use a cable.')
    if (loopback.rttMs >= LIMITS.rttFailMs)
      add(
        'loopback',
        'fail',
        `Very long delay: ${Math.round(loopback.rttMs)} ms round trip.`,
        'Use a cable, pause uploads and streaming, or use another network.'
      )
    else if (loopback.rttMs >= LIMITS.rttWarnMs)
      add(
        'loopback',
        'warn',
        `Long delay: ${Math.round(loopback.rttMs)} ms round trip; you may talk over each other.`,
        'Use a cable and pause uploads and streaming.'
      )
    if (loopback.jitterMs >= LIMITS.jitterWarnMs)
      add(
        'loopback',
        'warn',
        `Uneven delivery: ${Math.round(loopback.jitterMs)} ms of jitter.`,
        'Use a cable, or move closer to the router.'
      )
    if (loopback.framesDecoded === 0 || loopback.bitrateKbps === 0) {
      add(
        'loopback',
        'fail',
        'No video came through the test call: the client would see no picture of you.',
        'Pick another camera, close other apps that use it, and run the test again.'
      )
    }
    if (loopback.qualityLimitation === 'cpu')
      add(
        'loopback',
        'warn',
        'Your computer is too busy to send full-quality video.',
        'Close other apps, especially other video calls and browser tabs.'
      )
    if (loopback.qualityLimitation === 'bandwidth')
      add('loopback', 'warn', 'Your upload is too slow for full-quality video.', 'Pause uploads and cloud syncing, or use a cable.')
    const alreadyExplained = findings.some((finding) => finding.check === 'loopback' && finding.severity !== 'info')
    if (loopback.mos < LIMITS.mosFail)
      add(
        'loopback',
        'fail',
        `Expected call quality is poor (MOS ${loopback.mos.toFixed(1)} of 4.5).`,
        'Use a cable or another network before the call.'
      )
    else if (loopback.mos < LIMITS.mosWarn && !alreadyExplained)
      add(
        'loopback',
        'warn',
        `Expected call quality is fair (MOS ${loopback.mos.toFixed(1)} of 4.5).`,
        'Use a cable for the call if you can.'
      )
  }

  const verdict: Verdict = findings.some((finding) => finding.severity === 'fail')
    ? 'not_ready'
    : findings.some((finding) => finding.severity === 'warn')
      ? 'usable'
      : 'ready'
  return { verdict, findings }
}
