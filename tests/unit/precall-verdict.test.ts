import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { assessConnection, describeVoiceLevel, PROMISED_SECONDS, type CheckResults } from '../../src/shared/precall'
import { meanOpinionScore } from '../../src/renderer/src/webrtc/mos'

const healthy: CheckResults = {
  camera: { status: 'ok', error: null, deviceLabel: 'Camera', width: 640, height: 480, framesPerSecond: 30, black: false, frozen: false },
  microphone: { status: 'ok', error: null, deviceLabel: 'Mic', peakLevel: 0.4, silent: false, clipping: false },
  speakers: { status: 'confirmed', deviceLabel: 'Speakers' },
  network: { gatheringMs: 40, candidates: { host: 2, srflx: 1, relay: 1, udp: 3, tcp: 1 }, stunConfigured: true, turnConfigured: true },
  loopback: {
    status: 'ok',
    error: null,
    relayed: false,
    samples: 5,
    rttMs: 2,
    jitterMs: 1,
    lossPercent: 0,
    packets: 600,
    bitrateKbps: 900,
    width: 640,
    height: 480,
    framesDecoded: 140,
    qualityLimitation: 'none',
    mos: meanOpinionScore({ rttMs: 2, jitterMs: 1, lossPercent: 0 }),
    relayCall: 'not_tested'
  }
}

const withLoopback = (figures: { rttMs: number; jitterMs: number; lossPercent: number }): CheckResults => ({
  ...healthy,
  loopback: { ...healthy.loopback!, ...figures, mos: meanOpinionScore(figures) }
})

describe('the connection verdict', () => {
  it('is Ready when every check is healthy', () => {
    expect(assessConnection(healthy)).toEqual({ verdict: 'ready', findings: [] })
  })

  it('is already given while checks still run, from what is known', () => {
    expect(assessConnection({ ...healthy, loopback: null, speakers: null }).verdict).toBe('ready')
    expect(assessConnection({ ...healthy, loopback: null, camera: { ...healthy.camera!, status: 'error', error: 'in_use' } }).verdict).toBe(
      'not_ready'
    )
  })

  it('fails a camera in use by another app, and says to close that app', () => {
    const { verdict, findings } = assessConnection({ ...healthy, camera: { ...healthy.camera!, status: 'error', error: 'in_use' } })
    expect(verdict).toBe('not_ready')
    expect(findings).toEqual([
      {
        check: 'camera',
        severity: 'fail',
        cause: 'The camera is in use by another app.',
        fix: expect.stringMatching(/^Close other apps that use the camera/)
      }
    ])
  })

  it('fails a camera without permission, and says where to allow it', () => {
    const { findings } = assessConnection({ ...healthy, camera: { ...healthy.camera!, status: 'error', error: 'permission' } })
    expect(findings[0]).toMatchObject({ severity: 'fail', fix: expect.stringContaining('Allow camera access') })
  })

  it('points a blocked camera at the system’s privacy settings in the desktop app, and at the site permission in the browser', () => {
    const blocked: CheckResults = { ...healthy, camera: { ...healthy.camera!, status: 'error', error: 'permission' } }
    const desktop = assessConnection(blocked, 'electron').findings[0]!.fix
    const browser = assessConnection(blocked, 'browser').findings[0]!.fix
    expect(desktop).toMatch(
      /system's privacy settings \(Windows: Settings → Privacy & security → Camera; macOS: System Settings → Privacy & Security → Camera\)/
    )
    expect(browser).toMatch(
      /^Allow camera access for Greenroom in this browser: click the icon at the left of the address bar, set Camera to Allow/
    )
    expect(browser.indexOf('system')).toBeGreaterThan(browser.indexOf('address bar'))
  })

  it('fails a test call that carried no video, however good its network figures', () => {
    const noVideo = { ...healthy, loopback: { ...healthy.loopback!, bitrateKbps: 0, width: 0, height: 0, framesDecoded: 0 } }
    const { verdict, findings } = assessConnection(noVideo)
    expect(verdict).toBe('not_ready')
    expect(findings).toEqual([
      {
        check: 'loopback',
        severity: 'fail',
        cause: 'No video came through the test call: the client would see no picture of you.',
        fix: expect.stringMatching(/^Pick another camera/)
      }
    ])
    expect(assessConnection({ ...healthy, loopback: { ...healthy.loopback!, framesDecoded: 0 } }).verdict).toBe('not_ready')
  })

  it('reports a TURN server that is down once, while the direct test call stands on its own', () => {
    const network = { ...healthy.network!, candidates: { ...healthy.network!.candidates, relay: 0 } }
    const loopback = { ...healthy.loopback!, relayCall: 'failed' as const }
    const { verdict, findings } = assessConnection({ ...healthy, network, loopback })
    expect(verdict).toBe('usable')
    expect(findings).toEqual([
      {
        check: 'network',
        severity: 'warn',
        cause: expect.stringContaining('TURN server did not answer'),
        fix: expect.stringContaining('Check the TURN address')
      }
    ])
  })

  it('warns when the TURN server gives relay paths but the call through it does not connect', () => {
    const { verdict, findings } = assessConnection({ ...healthy, loopback: { ...healthy.loopback!, relayCall: 'failed' } })
    expect(verdict).toBe('usable')
    expect(findings).toEqual([
      {
        check: 'network',
        severity: 'warn',
        cause: expect.stringContaining('test call through your TURN server did not connect'),
        fix: expect.stringContaining('Check the TURN address')
      }
    ])
  })

  it('warns about a very quiet microphone', () => {
    const { verdict, findings } = assessConnection({ ...healthy, microphone: { ...healthy.microphone!, peakLevel: 0.02 } })
    expect(verdict).toBe('usable')
    expect(findings[0]).toMatchObject({
      check: 'microphone',
      severity: 'warn',
      fix: expect.stringMatching(/^Move closer to the microphone/)
    })
  })

  it('fails a silent microphone: pick another input or unmute', () => {
    const { verdict, findings } = assessConnection({ ...healthy, microphone: { ...healthy.microphone!, silent: true, peakLevel: 0 } })
    expect(verdict).toBe('not_ready')
    expect(findings[0]).toMatchObject({
      cause: 'We hear nothing from your microphone.',
      fix: expect.stringMatching(/^Pick another input or unmute/)
    })
  })

  it('warns when UDP seems blocked and explains the TURN fallback', () => {
    const network = { ...healthy.network!, candidates: { host: 1, srflx: 0, relay: 0, udp: 1, tcp: 0 }, turnConfigured: false }
    const { verdict, findings } = assessConnection({ ...healthy, network })
    expect(verdict).toBe('usable')
    expect(findings[0]!.fix).toMatch(/fall back to TURN over TCP\/TLS/)
  })

  it('warns when a configured TURN server does not answer', () => {
    const network = { ...healthy.network!, candidates: { ...healthy.network!.candidates, relay: 0 } }
    expect(assessConnection({ ...healthy, network }).findings[0]).toMatchObject({
      check: 'network',
      severity: 'warn',
      cause: expect.stringContaining('TURN server did not answer')
    })
  })

  it('only notes, without downgrading, that no STUN or TURN server is set', () => {
    const network = {
      ...healthy.network!,
      candidates: { host: 2, srflx: 0, relay: 0, udp: 2, tcp: 0 },
      stunConfigured: false,
      turnConfigured: false
    }
    const { verdict, findings } = assessConnection({ ...healthy, network })
    expect(verdict).toBe('ready')
    expect(findings.map((finding) => finding.severity)).toEqual(['info'])
  })

  it('turns 200 ms and 5% loss into Usable with warnings, with the fix for loss', () => {
    const { verdict, findings } = assessConnection(withLoopback({ rttMs: 200, jitterMs: 2, lossPercent: 5 }))
    expect(verdict).toBe('usable')
    expect(findings).toEqual([
      {
        check: 'loopback',
        severity: 'warn',
        cause: 'Packet loss of 5.0%: audio may break up.',
        fix: 'Move closer to the router or use a cable.'
      }
    ])
  })

  it('turns heavy loss or very long delay into Not ready', () => {
    expect(assessConnection(withLoopback({ rttMs: 40, jitterMs: 2, lossPercent: 15 })).verdict).toBe('not_ready')
    expect(assessConnection(withLoopback({ rttMs: 600, jitterMs: 2, lossPercent: 0 })).verdict).toBe('not_ready')
  })

  it('names a CPU-limited computer and says to close other apps', () => {
    const { findings } = assessConnection({ ...healthy, loopback: { ...healthy.loopback!, qualityLimitation: 'cpu' } })
    expect(findings[0]).toMatchObject({ severity: 'warn', fix: expect.stringMatching(/^Close other apps/) })
  })
})

describe('how the microphone sounds, in plain words', () => {
  const level = (peakLevel: number, extra: { silent?: boolean; clipping?: boolean } = {}) =>
    describeVoiceLevel({ peakLevel, silent: false, clipping: false, ...extra })

  it('says what a person would hear, not a figure in dBFS', () => {
    expect(level(0, { silent: true })).toBe('Nothing heard')
    expect(level(0.02)).toBe('Very quiet: hard to hear')
    expect(level(0.06)).toBe('A little quiet, but clear')
    expect(level(0.4)).toBe('Loud and clear')
    expect(level(1)).toBe('Loud and clear')
    expect(level(1, { clipping: true })).toBe('Too loud: your voice distorts')
  })
})

describe('what the connection test promises', () => {
  it('is the same in the README as on the page', () => {
    const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8').replace(/\s+/g, ' ')
    const words = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten']
    const promise = /first verdict, .*? comes about (\w+) seconds after you press Start and the full report within (\w+)/.exec(readme)
    expect(promise).not.toBeNull()
    expect([words.indexOf(promise![1]!), words.indexOf(promise![2]!)]).toEqual([PROMISED_SECONDS.firstVerdict, PROMISED_SECONDS.fullReport])
  })
})
