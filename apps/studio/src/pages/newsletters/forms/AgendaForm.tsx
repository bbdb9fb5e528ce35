import { SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SECTION_TITLES } from '@crieur/api/enums/campaigns';
import { emptyEvent, type AgendaBlock } from '../blocks';
import { fieldError, type FormProps } from './form-props';
import { FillFromContributions } from './FillFromContributions';
import { RowList } from './RowList';

/** "2026-04-12T18:30" ⇄ a date field and an optional time field (the schema's two forms). */
function splitDate(value: string): { day: string; time: string } {
  const [day = '', time = ''] = value.split('T');
  return { day, time };
}
const joinDate = (day: string, time: string) => (day && time ? `${day}T${time}` : day);

/** Events with a title, a date (time optional), a place and an optional link. */
export function AgendaForm({ block, onChange, errors, readOnly }: FormProps<AgendaBlock>) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <TextInput
        label={t('composerInsert.sectionHeading')}
        description={t('composerInsert.sectionHeadingHint', { title: SECTION_TITLES.agenda })}
        placeholder={SECTION_TITLES.agenda}
        value={block.title ?? ''}
        onChange={(event) => onChange({ title: event.currentTarget.value })}
        error={fieldError(errors, 'title')}
        data-field="title"
        readOnly={readOnly}
      />
      {!readOnly && (
        <FillFromContributions kind="event" rows={block.events} max={30} onChange={(events) => onChange({ events })} />
      )}
      <RowList
        name="events"
        rows={block.events}
        errors={errors}
        readOnly={readOnly}
        max={30}
        rowLabel={(index) => t('newsletters.fields.eventN', { n: index + 1 })}
        addLabel={t('newsletters.fields.addEvent')}
        removeLabel={(index) => t('newsletters.fields.removeEvent', { n: index + 1 })}
        empty={emptyEvent}
        onChange={(events) => onChange({ events })}
        renderRow={(event, setEvent, rowErrors) => {
          const { day, time } = splitDate(event.date);
          return (
            <>
              <TextInput
                label={t('newsletters.fields.eventTitle')}
                value={event.title}
                onChange={(e) => setEvent({ title: e.currentTarget.value })}
                error={fieldError(rowErrors, 'title')}
                data-field="title"
                readOnly={readOnly}
                withAsterisk
              />
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
                <TextInput
                  label={t('newsletters.fields.eventDate')}
                  type="date"
                  value={day}
                  onChange={(e) => setEvent({ date: joinDate(e.currentTarget.value, time) })}
                  error={fieldError(rowErrors, 'date')}
                  data-field="date"
                  readOnly={readOnly}
                  withAsterisk
                />
                <TextInput
                  label={t('newsletters.fields.eventTime')}
                  type="time"
                  value={time}
                  onChange={(e) => setEvent({ date: joinDate(day, e.currentTarget.value) })}
                  data-field="date"
                  readOnly={readOnly}
                  disabled={!day}
                />
              </SimpleGrid>
              <TextInput
                label={t('newsletters.fields.eventPlace')}
                value={event.place}
                onChange={(e) => setEvent({ place: e.currentTarget.value })}
                error={fieldError(rowErrors, 'place')}
                data-field="place"
                readOnly={readOnly}
                withAsterisk
              />
              <TextInput
                label={t('newsletters.fields.urlOptional')}
                type="url"
                value={event.url ?? ''}
                onChange={(e) => setEvent({ url: e.currentTarget.value })}
                error={fieldError(rowErrors, 'url')}
                data-field="url"
                readOnly={readOnly}
              />
            </>
          );
        }}
      />
    </Stack>
  );
}
