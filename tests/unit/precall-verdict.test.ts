import { describe, expect, it } from 'vitest'
import { assessConnection, type CheckResults } from '../../src/shared/precall'
import { meanOpinionScore } from '../../src/renderer/src/webrtc/mos'

const healthy: CheckResults = {
  camera: { status: 'ok', error: null, deviceLabel: 'Camera', width: 640, height: 480, framesPerSecond: 30, black: false, frozen: false },
  microphone: { status: 'ok', error: null, deviceLabel: 'Mic', peakLevel: 0.4, silent: false, clipping: false },
  speakers: { status: 'confirmed', deviceLabel: 'Speakers' },
  network: { gatheringMs: 40, candidates: { host: 2, srflx: 1, relay: 1, udp: 3, tcp: 1 }, stunConfigured: true, turnConfigured: true },
  loopback: {
    status: 'ok', error: null, relayed: false, samples: 5, rttMs: 2, jitterMs: 1, lossPercent: 0, packets: 600, bitrateKbps: 900,
    width: 640, height: 480, framesDecoded: 140, qualityLimitation: 'none', mos: meanOpinionScore({ rttMs: 2, jitterMs: 1, lossPercent: 0 })
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
    expect(assessConnection({ ...healthy, loopback: null, camera: { ...healthy.camera!, status: 'error', error: 'in_use' } }).verdict).toBe('not_ready')
  })

  it('fails a camera in use by another app, and says to close that app', () => {
    const { verdict, findings } = assessConnection({ ...healthy, camera: { ...healthy.camera!, status: 'error', error: 'in_use' } })
    expect(verdict).toBe('not_ready')
    expect(findings).toEqual([
      { check: 'camera', severity: 'fail', cause: 'The camera is in use by another app.', fix: expect.stringMatching(/^Close other apps that use the camera/) }
    ])
  })

  it('fails a camera without permission, and says where to allow it', () => {
    const { findings } = assessConnection({ ...healthy, camera: { ...healthy.camera!, status: 'error', error: 'permission' } })
    expect(findings[0]).toMatchObject({ severity: 'fail', fix: expect.stringContaining('Allow camera access') })
  })

  it('fails a silent microphone: pick another input or unmute', () => {
    const { verdict, findings } = assessConnection({ ...healthy, microphone: { ...healthy.microphone!, silent: true, peakLevel: 0 } })
    expect(verdict).toBe('not_ready')
    expect(findings[0]).toMatchObject({ cause: 'We hear nothing from your microphone.', fix: expect.stringMatching(/^Pick another input or unmute/) })
  })

  it('warns when UDP seems blocked and explains the TURN fallback', () => {
    const network = { ...healthy.network!, candidates: { host: 1, srflx: 0, relay: 0, udp: 1, tcp: 0 }, turnConfigured: false }
    const { verdict, findings } = assessConnection({ ...healthy, network })
    expect(verdict).toBe('usable')
    expect(findings[0]!.fix).toMatch(/fall back to TURN over TCP\/TLS/)
  })

  it('warns when a configured TURN server does not answer', () => {
    const network = { ...healthy.network!, candidates: { ...healthy.network!.candidates, relay: 0 } }
    expect(assessConnection({ ...healthy, network }).findings[0]).toMatchObject({ check: 'network', severity: 'warn', cause: expect.stringContaining('TURN server did not answer') })
  })

  it('only notes, without downgrading, that no STUN or TURN server is set', () => {
    const network = { ...healthy.network!, candidates: { host: 2, srflx: 0, relay: 0, udp: 2, tcp: 0 }, stunConfigured: false, turnConfigured: false }
    const { verdict, findings } = assessConnection({ ...healthy, network })
    expect(verdict).toBe('ready')
    expect(findings.map((finding) => finding.severity)).toEqual(['info'])
  })

  it('turns 200 ms and 5% loss into Usable with warnings, with the fix for loss', () => {
    const { verdict, findings } = assessConnection(withLoopback({ rttMs: 200, jitterMs: 2, lossPercent: 5 }))
    expect(verdict).toBe('usable')
    expect(findings).toEqual([
      { check: 'loopback', severity: 'warn', cause: 'Packet loss of 5.0%: audio may break up.', fix: 'Move closer to the router or use a cable.' }
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
