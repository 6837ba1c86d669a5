import { notifications } from '@mantine/notifications'
import type { Sample } from '@shared/prep'
import { errorMessage } from '@renderer/hooks/useQuery'

/**
 * Opens a sample in one click: the desktop app hands files to the system's app; browser
 * mode opens them in a new tab (PDFs, images, video and text show there, office files
 * download for their app). Links go to the system browser.
 */
export async function openSample(sample: Sample): Promise<void> {
  try {
    const result = await window.greenroom.openSample({ id: sample.id })
    if (result.kind === 'url') window.open(result.url, '_blank', 'noopener,noreferrer')
    else notifications.show({ message: `Opened “${sample.title}” in its app` })
  } catch (error) {
    notifications.show({ color: 'red', title: 'Could not open the sample', message: errorMessage(error) })
  }
}

/** What "Open" does in this mode, for the button's tooltip. */
export function openHint(sample: Sample, mode: 'electron' | 'browser' | undefined): string {
  if (sample.kind === 'link') return 'Opens in your browser'
  return mode === 'browser'
    ? 'Opens in a new browser tab (office files download for their app)'
    : 'Opens with your system’s app for this type'
}

/** Reads a picked file as base64 for the contract. */
export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => {
      const url = String(reader.result)
      resolve(url.slice(url.indexOf(',') + 1))
    }
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'))
    reader.readAsDataURL(file)
  })
}
