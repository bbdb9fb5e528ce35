import { SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SECTION_TITLES } from '@crieur/api/enums/campaigns';
import { emptyOffer, type JobsBlock } from '../blocks';
import { fieldError, type FormProps } from './form-props';
import { FillFromContributions } from './FillFromContributions';
import { RowList } from './RowList';

/** Job offers: title, organisation, place and the offer's link. */
export function JobsForm({ block, onChange, errors, readOnly }: FormProps<JobsBlock>) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <TextInput
        label={t('composerInsert.sectionHeading')}
        description={t('composerInsert.sectionHeadingHint', { title: SECTION_TITLES.jobs })}
        placeholder={SECTION_TITLES.jobs}
        value={block.title ?? ''}
        onChange={(event) => onChange({ title: event.currentTarget.value })}
        error={fieldError(errors, 'title')}
        data-field="title"
        readOnly={readOnly}
      />
      {!readOnly && (
        <FillFromContributions kind="job" rows={block.offers} max={30} onChange={(offers) => onChange({ offers })} />
      )}
      <RowList
        name="offers"
        rows={block.offers}
        errors={errors}
        readOnly={readOnly}
        max={30}
        rowLabel={(index) => t('newsletters.fields.offerN', { n: index + 1 })}
        addLabel={t('newsletters.fields.addOffer')}
        removeLabel={(index) => t('newsletters.fields.removeOffer', { n: index + 1 })}
        empty={emptyOffer}
        onChange={(offers) => onChange({ offers })}
        renderRow={(offer, setOffer, rowErrors) => (
          <>
            <TextInput
              label={t('newsletters.fields.offerTitle')}
              value={offer.title}
              onChange={(e) => setOffer({ title: e.currentTarget.value })}
              error={fieldError(rowErrors, 'title')}
              data-field="title"
              readOnly={readOnly}
              withAsterisk
            />
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              <TextInput
                label={t('newsletters.fields.organisation')}
                value={offer.organisation}
                onChange={(e) => setOffer({ organisation: e.currentTarget.value })}
                error={fieldError(rowErrors, 'organisation')}
                data-field="organisation"
                readOnly={readOnly}
                withAsterisk
              />
              <TextInput
                label={t('newsletters.fields.place')}
                value={offer.place}
                onChange={(e) => setOffer({ place: e.currentTarget.value })}
                error={fieldError(rowErrors, 'place')}
                data-field="place"
                readOnly={readOnly}
                withAsterisk
              />
            </SimpleGrid>
            <TextInput
              label={t('contributionFill.closesOn')}
              description={t('contributionFill.closesOnHint')}
              type="date"
              value={offer.closesOn ?? ''}
              // an emptied date leaves the offer without one (the schema refuses an empty string)
              onChange={(e) => setOffer({ closesOn: e.currentTarget.value || undefined })}
              error={fieldError(rowErrors, 'closesOn')}
              data-field="closesOn"
              readOnly={readOnly}
            />
            <TextInput
              label={t('newsletters.fields.url')}
              type="url"
              value={offer.url}
              onChange={(e) => setOffer({ url: e.currentTarget.value })}
              error={fieldError(rowErrors, 'url')}
              data-field="url"
              readOnly={readOnly}
              withAsterisk
            />
          </>
        )}
      />
    </Stack>
  );
}
