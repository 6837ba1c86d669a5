import { useCallback, useEffect, useState } from 'react'

export interface DeviceOption {
  value: string
  label: string
}

/** Cameras, microphones and outputs; labels appear once the user allowed a device. */
export function useDevices() {
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([])
  const refresh = useCallback(() => {
    navigator.mediaDevices
      ?.enumerateDevices()
      .then(setDevices)
      .catch(() => setDevices([]))
  }, [])
  useEffect(() => {
    refresh()
    navigator.mediaDevices?.addEventListener('devicechange', refresh)
    return () => navigator.mediaDevices?.removeEventListener('devicechange', refresh)
  }, [refresh])
  const of = (kind: MediaDeviceKind, fallback: string): DeviceOption[] =>
    devices
      .filter((device) => device.kind === kind && device.deviceId)
      .map((device, index) => ({ value: device.deviceId, label: device.label || `${fallback} ${index + 1}` }))
  return { cameras: of('videoinput', 'Camera'), microphones: of('audioinput', 'Microphone'), outputs: of('audiooutput', 'Output'), refresh }
}
