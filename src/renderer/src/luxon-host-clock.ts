import { Settings } from 'luxon'
import { nowMs } from './clock'

// Luxon's `DateTime.now()` reads the host's clock as the rest of the page does (clock.ts). Every
// lazily loaded page loads this first (pages.tsx), so no code that uses Luxon runs without it.
Settings.now = nowMs
