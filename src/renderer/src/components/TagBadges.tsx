import { Badge } from '@mantine/core'

/** A sample's or question's tags, as small grey badges. */
export function TagBadges({ tags }: { tags: string[] }) {
  return (
    <>
      {tags.map((tag) => (
        <Badge key={tag} size="xs" variant="light" color="gray">
          {tag}
        </Badge>
      ))}
    </>
  )
}
