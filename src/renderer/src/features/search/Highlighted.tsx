import { Mark } from '@mantine/core'
import { Fragment } from 'react'

/** Renders text whose matches main wrapped in \u0002 … \u0003 as <mark> elements (never as HTML). */
export function Highlighted({ text }: { text: string }) {
  // eslint-disable-next-line no-control-regex -- \u0002 and \u0003 are the markers main puts around matches
  const parts = text.split(/(\u0002[^\u0003]*\u0003)/)
  return (
    <>
      {parts.map((part, index) =>
        part.startsWith('\u0002') ? (
          <Mark key={index} color="yellow">
            {part.slice(1, -1)}
          </Mark>
        ) : (
          <Fragment key={index}>{part}</Fragment>
        )
      )}
    </>
  )
}
