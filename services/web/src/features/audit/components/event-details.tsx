import { Code, Modal, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HistoryEvent } from '../api/get-history-page';

/** Everything stored with one event, for an auditor who needs more than the sentence. */
export function EventDetails({ event, onClose }: { event: HistoryEvent | undefined; onClose(): void }) {
  const { t } = useTranslation('audit');
  const m = (event?.metadata ?? {}) as Record<string, unknown>;
  const rows: Array<[string, string | undefined]> = event
    ? [
        [t('history.eventId'), event.eventId],
        [t('history.correlationId'), m.correlationId === undefined ? undefined : String(m.correlationId)],
        [t('history.idempotencyKey'), m.idempotencyKey === undefined ? undefined : String(m.idempotencyKey)],
        [t('history.importRow'), m.importRow === undefined ? undefined : String(m.importRow)],
        [t('history.position'), event.position],
        [t('history.schemaVersion'), String(event.schemaVersion)],
        [t('history.columns.hash'), event.hash],
        [t('history.personalDigest'), event.personalDigest ?? undefined],
      ]
    : [];
  return (
    <Modal
      opened={event !== undefined}
      onClose={onClose}
      title={event ? t('history.detailsOf', { version: event.version }) : ''}
      size="lg"
    >
      {event && (
        <Stack gap="sm">
          <Table variant="vertical" withTableBorder layout="fixed">
            <Table.Tbody>
              {rows
                .filter((r): r is [string, string] => r[1] !== undefined && r[1] !== '')
                .map(([label, value]) => (
                  <Table.Tr key={label}>
                    <Table.Th w={{ base: 120, sm: 180 }}>{label}</Table.Th>
                    <Table.Td style={{ wordBreak: 'break-all' }}>
                      <Text size="sm" ff="monospace">
                        {value}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
            </Table.Tbody>
          </Table>
          <Text fw={600} size="sm">
            {t('history.data')}
          </Text>
          <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
            {JSON.stringify(event.data, null, 2)}
          </Code>
        </Stack>
      )}
    </Modal>
  );
}
