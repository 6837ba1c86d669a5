import { createTheme, type MantineColorsTuple } from '@mantine/core'

const greenroom: MantineColorsTuple = [
  '#e6fbf1',
  '#d2f3e3',
  '#a6e6c7',
  '#76d9a9',
  '#4fcd8f',
  '#36c57f',
  '#26c176',
  '#15aa64',
  '#079757',
  '#008348'
]

export const theme = createTheme({
  primaryColor: 'greenroom',
  primaryShade: { light: 8, dark: 7 },
  colors: { greenroom },
  defaultRadius: 'md',
  fontFamily:
    'Inter, "Segoe UI", system-ui, -apple-system, "Helvetica Neue", "Noto Sans", "DejaVu Sans", sans-serif',
  headings: { fontWeight: '650' },
  cursorType: 'pointer'
})
