import { Anchor, Blockquote, Checkbox, Code, Divider, List, Table, Text, Title } from '@mantine/core'
import { marked, type Token, type Tokens } from 'marked'
import { memo, type ReactNode } from 'react'

/**
 * Markdown rendered to React elements from marked's tokens: no HTML string is ever put
 * into the page, so a note cannot inject markup or scripts. Raw HTML shows as text;
 * only http(s) and mailto links become links (and open in the system browser).
 */

const SAFE_LINK = /^(https?:|mailto:)/i

function inline(tokens: Token[] | undefined, key = ''): ReactNode[] {
  return (tokens ?? []).map((token, index) => inlineToken(token, `${key}${index}`))
}

function inlineToken(token: Token, key: string): ReactNode {
  switch (token.type) {
    case 'strong':
      return <strong key={key}>{inline((token as Tokens.Strong).tokens, key)}</strong>
    case 'em':
      return <em key={key}>{inline((token as Tokens.Em).tokens, key)}</em>
    case 'del':
      return <del key={key}>{inline((token as Tokens.Del).tokens, key)}</del>
    case 'codespan':
      return <Code key={key}>{(token as Tokens.Codespan).text}</Code>
    case 'br':
      return <br key={key} />
    case 'link': {
      const link = token as Tokens.Link
      if (!SAFE_LINK.test(link.href)) return <span key={key}>{inline(link.tokens, key)}</span>
      return (
        <Anchor key={key} href={link.href} target="_blank" rel="noreferrer">
          {inline(link.tokens, key)}
        </Anchor>
      )
    }
    case 'image':
      // No remote content in the app: an image shows as its description.
      return <span key={key}>[{(token as Tokens.Image).text || 'image'}]</span>
    case 'text': {
      const text = token as Tokens.Text
      return text.tokens ? <span key={key}>{inline(text.tokens, key)}</span> : text.text
    }
    case 'escape':
      return (token as Tokens.Escape).text
    case 'html':
      return (token as Tokens.HTML).raw
    default:
      return 'raw' in token ? String(token.raw) : null
  }
}

function block(token: Token, key: string): ReactNode {
  switch (token.type) {
    case 'heading': {
      const heading = token as Tokens.Heading
      const order = Math.min(6, heading.depth + 1) as 2 | 3 | 4 | 5 | 6
      return (
        <Title key={key} order={order} size={heading.depth <= 1 ? 'h3' : heading.depth === 2 ? 'h4' : 'h5'} mt="sm" mb={4}>
          {inline(heading.tokens, key)}
        </Title>
      )
    }
    case 'paragraph':
      return (
        <Text key={key} size="sm" mb="xs">
          {inline((token as Tokens.Paragraph).tokens, key)}
        </Text>
      )
    case 'text': {
      const text = token as Tokens.Text
      return <span key={key}>{text.tokens ? inline(text.tokens, key) : text.text}</span>
    }
    case 'blockquote':
      return (
        <Blockquote key={key} p="xs" my="xs" color="greenroom">
          {blocks((token as Tokens.Blockquote).tokens, key)}
        </Blockquote>
      )
    case 'code':
      return (
        <Code key={key} block my="xs">
          {(token as Tokens.Code).text}
        </Code>
      )
    case 'hr':
      return <Divider key={key} my="sm" />
    case 'list': {
      const list = token as Tokens.List
      return (
        <List
          key={key}
          type={list.ordered ? 'ordered' : 'unordered'}
          size="sm"
          mb="xs"
          withPadding
          start={list.ordered && list.start !== '' ? Number(list.start) : undefined}
        >
          {list.items.map((item, index) => (
            <List.Item
              key={index}
              icon={
                item.task ? (
                  <Checkbox
                    size="xs"
                    checked={item.checked ?? false}
                    readOnly
                    aria-label={item.checked ? 'Done' : 'Not done'}
                    tabIndex={-1}
                  />
                ) : undefined
              }
            >
              {blocks(
                item.tokens.filter((child) => child.type !== 'checkbox'),
                `${key}-${index}`
              )}
            </List.Item>
          ))}
        </List>
      )
    }
    case 'table': {
      const table = token as Tokens.Table
      return (
        <Table key={key} withTableBorder withColumnBorders my="xs" fz="sm">
          <Table.Thead>
            <Table.Tr>
              {table.header.map((cell, index) => (
                <Table.Th key={index}>{inline(cell.tokens, `${key}h${index}`)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {table.rows.map((row, rowIndex) => (
              <Table.Tr key={rowIndex}>
                {row.map((cell, index) => (
                  <Table.Td key={index}>{inline(cell.tokens, `${key}r${rowIndex}c${index}`)}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )
    }
    case 'space':
      return null
    case 'html':
      return (
        <Text key={key} size="sm" mb="xs" style={{ whiteSpace: 'pre-wrap' }}>
          {(token as Tokens.HTML).raw}
        </Text>
      )
    default:
      return 'raw' in token ? (
        <Text key={key} size="sm">
          {String(token.raw)}
        </Text>
      ) : null
  }
}

function blocks(tokens: Token[], key = ''): ReactNode[] {
  return tokens.map((token, index) => block(token, `${key}${index}-`))
}

/** The preview of a Markdown text. */
export const MarkdownView = memo(function MarkdownView({ text, empty }: { text: string; empty?: ReactNode }) {
  if (!text.trim())
    return (
      <Text c="dimmed" size="sm">
        {empty ?? 'Nothing written yet.'}
      </Text>
    )
  return <div>{blocks(marked.lexer(text, { gfm: true }))}</div>
})
