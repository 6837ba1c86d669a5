import { createTheme, darken, type CSSVariablesResolver, type MantineColorsTuple, type ModalProps } from '@mantine/core'

// Shades 6–9 are dark enough for white text on a filled button (7 in dark mode, 8 in light)
// and for green text on white: WCAG AA, 4.5:1.
const greenroom: MantineColorsTuple = [
  '#e6fbf1',
  '#d2f3e3',
  '#a6e6c7',
  '#76d9a9',
  '#4fcd8f',
  '#36c57f',
  '#15aa64',
  '#0f7f4a',
  '#0b7041',
  '#065c35'
]

export const theme = createTheme({
  primaryColor: 'greenroom',
  primaryShade: { light: 8, dark: 7 },
  // "green" (Start call, Yes) is the brand green, so it meets the same contrast.
  colors: { greenroom, green: greenroom },
  defaultRadius: 'md',
  fontFamily: 'Inter, "Segoe UI", system-ui, -apple-system, "Helvetica Neue", "Noto Sans", "DejaVu Sans", sans-serif',
  headings: { fontWeight: '650' },
  cursorType: 'pointer',
  components: {
    // The × in a dialog's corner has no text: screen readers need its name. A plain object, as
    // Modal.extend would return it: importing Modal here would put dialogs' code in the shell's first load.
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } satisfies Partial<ModalProps> }
  }
})

/**
 * Mantine's defaults, where they fall short of WCAG AA (4.5:1): dimmed text, and the text of
 * light and outline badges and alerts (shade 9 on shade 1 is 2.7:1 for yellow) in light mode, and links on
 * dark alerts in dark mode.
 */
export const cssVariablesResolver: CSSVariablesResolver = (resolved) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#5c636a',
    // Light and outline variants write their text in the colour itself: both get the readable shade.
    ...Object.fromEntries(
      Object.entries(resolved.colors).flatMap(([name, shades]) => {
        const readable = darken(shades[9], name === 'yellow' || name === 'orange' ? 0.35 : 0.15)
        return [
          [`--mantine-color-${name}-light-color`, readable],
          [`--mantine-color-${name}-outline`, readable]
        ]
      })
    )
  },
  dark: {
    '--mantine-color-dimmed': '#a6a6a6',
    '--mantine-color-anchor': 'var(--mantine-color-greenroom-3)'
  }
})
