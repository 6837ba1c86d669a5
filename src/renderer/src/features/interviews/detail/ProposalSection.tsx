import { Badge, Button, Group, Modal, Stack, Table, Text, Textarea, Title } from '@mantine/core'
import { IconEye, IconLock } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import type { InterviewDetail, Proposal, Terms } from '@shared/pipeline'
import { formatInstant, formatMoney } from '@renderer/components/time'
import { AttachmentsEditor } from './AttachmentsEditor'
import { TermsEditor } from '@renderer/components/TermsEditor'
import { useSave } from '@renderer/hooks/useSave'
import { useHourCycle } from '@renderer/hooks/useHourCycle'

function NewProposal({ detail }: { detail: InterviewDetail }) {
  const [coverLetter, setCoverLetter] = useState('')
  const [terms, setTerms] = useState<Terms>({
    bidType: detail.job?.budgetType ?? 'hourly',
    amount: detail.job?.budget ?? 0,
    estimatedDuration: ''
  })
  const { busy, run } = useSave()
  if (!detail.job) return <Text c="dimmed">Attach a job post before recording a proposal.</Text>
  return (
    <Stack gap="sm" maw={760}>
      <Text c="dimmed" size="sm">
        No proposal recorded. Keep what you sent here: your terms, and the cover letter you may be asked about.
      </Text>
      <Textarea
        label="Cover letter"
        autosize
        minRows={5}
        value={coverLetter}
        onChange={(event) => setCoverLetter(event.currentTarget.value)}
      />
      <TermsEditor value={terms} onChange={setTerms} />
      <Group>
        <Button
          loading={busy}
          onClick={() =>
            run(
              () => window.greenroom.createProposal({ interviewId: detail.interview.id, coverLetter, terms, attachments: [] }),
              'Proposal recorded'
            )
          }
        >
          Record proposal
        </Button>
      </Group>
    </Stack>
  )
}

function ExistingProposal({ proposal, zone }: { proposal: Proposal; zone: string }) {
  const cycle = useHourCycle()
  const [coverLetter, setCoverLetter] = useState(proposal.coverLetter)
  const [terms, setTerms] = useState(proposal.terms)
  const { busy, run } = useSave()
  const [confirmingViewed, setConfirmingViewed] = useState(false)
  useEffect(() => setCoverLetter(proposal.coverLetter), [proposal.coverLetter])
  useEffect(() => setTerms(proposal.terms), [proposal.terms])
  const viewed = proposal.viewedAt !== null
  const termsChanged = JSON.stringify(terms) !== JSON.stringify(proposal.terms)

  return (
    <Stack gap="lg" maw={760}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={3} size="h5">
            Cover letter
          </Title>
          {viewed ? (
            <Badge color="gray" variant="light" leftSection={<IconLock size={12} />}>
              Viewed by the client {formatInstant(proposal.viewedAt!, zone, cycle)}: read-only
            </Badge>
          ) : (
            <Button size="xs" variant="default" leftSection={<IconEye size={14} />} onClick={() => setConfirmingViewed(true)}>
              Mark viewed by client
            </Button>
          )}
        </Group>
        {/* Freezing cannot be undone: the marketplace shows the client the letter as it was. */}
        <Modal opened={confirmingViewed} onClose={() => setConfirmingViewed(false)} title="Did the client view your proposal?">
          <Text size="sm">
            Once marked viewed, the cover letter is kept exactly as the client read it and can no longer be edited. This cannot be undone.
            {coverLetter !== proposal.coverLetter && ' Your unsaved changes to it will be dropped.'}
          </Text>
          <Group justify="flex-end" mt="md">
            <Button variant="default" onClick={() => setConfirmingViewed(false)} data-autofocus>
              Not yet
            </Button>
            <Button
              loading={busy}
              onClick={async () => {
                if (
                  await run(
                    () => window.greenroom.markProposalViewed({ id: proposal.id }),
                    'Marked as viewed: the cover letter is now frozen'
                  )
                )
                  setConfirmingViewed(false)
              }}
            >
              Mark viewed and freeze
            </Button>
          </Group>
        </Modal>
        <Textarea
          aria-label="Cover letter"
          autosize
          minRows={4}
          value={coverLetter}
          readOnly={viewed}
          onChange={(event) => setCoverLetter(event.currentTarget.value)}
        />
        {!viewed && coverLetter !== proposal.coverLetter && (
          <Group>
            <Button
              size="xs"
              loading={busy}
              onClick={() => run(() => window.greenroom.updateCoverLetter({ id: proposal.id, coverLetter }), 'Cover letter saved')}
            >
              Save cover letter
            </Button>
          </Group>
        )}
      </Stack>
      <AttachmentsEditor proposal={proposal} />
      <Stack gap="xs">
        <Title order={3} size="h5">
          Terms
        </Title>
        <TermsEditor value={terms} onChange={setTerms} />
        {termsChanged && (
          <Group>
            <Button
              size="xs"
              loading={busy}
              onClick={() => run(() => window.greenroom.updateProposalTerms({ id: proposal.id, terms }), 'Terms updated')}
            >
              Update terms
            </Button>
          </Group>
        )}
        <Table mt="xs" aria-label="Terms history">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Changed</Table.Th>
              <Table.Th>Terms</Table.Th>
              <Table.Th>Duration</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...proposal.termsHistory].reverse().map((entry, index) => (
              <Table.Tr key={`${entry.changedAt}-${index}`}>
                <Table.Td>{formatInstant(entry.changedAt, zone, cycle)}</Table.Td>
                <Table.Td>{formatMoney(entry.amount, entry.bidType)}</Table.Td>
                <Table.Td>{entry.estimatedDuration || '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Stack>
  )
}

export function ProposalSection({ detail, zone }: { detail: InterviewDetail; zone: string }) {
  if (!detail.proposal) return <NewProposal detail={detail} />
  return <ExistingProposal proposal={detail.proposal} zone={zone} />
}
