// The fields of each kind of proposal, shared by the « Proposer » form and the proposer's resubmission: labels,
// hints and errors tied to their field (aria-describedby), values kept as typed.
import { JOB_CONTRACT_LABELS, JOB_CONTRACTS, type ContributionKind } from '@crieur/api';
import { MEDIA_MAX_BYTES } from '@crieur/api/enums/dossiers';
import { frenchTypography as ft } from '@crieur/content';
import type { ReactNode } from 'react';
import type { FormErrors, RawForm } from './propose-form';

/** The id of a field's control: the error summary links to it. */
export const fieldId = (name: string) => `prop-${name}`;

type FieldProps = {
  name: string;
  label: string;
  values: RawForm;
  errors: FormErrors;
  hint?: ReactNode;
  optional?: boolean;
  type?: 'text' | 'email' | 'url' | 'datetime-local' | 'date';
  multiline?: number;
  maxLength?: number;
  autoComplete?: string;
};

function describedBy(name: string, hint: boolean, error: boolean): string | undefined {
  const ids = [hint && `${fieldId(name)}-aide`, error && `${fieldId(name)}-erreur`].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function FieldError({ name, errors }: { name: string; errors: FormErrors }) {
  const error = errors[name];
  return error ? (
    <p id={`${fieldId(name)}-erreur`} className="error">
      {ft(error)}
    </p>
  ) : null;
}

export function Field(props: FieldProps) {
  const id = fieldId(props.name);
  const error = Boolean(props.errors[props.name]);
  const common = {
    id,
    name: props.name,
    defaultValue: props.values[props.name] ?? '',
    required: !props.optional,
    maxLength: props.maxLength,
    'aria-invalid': error || undefined,
    'aria-describedby': describedBy(props.name, Boolean(props.hint), error),
  };
  return (
    <div className="field">
      <label htmlFor={id}>
        {props.label}
        {props.optional && <span className="optional"> (facultatif)</span>}
      </label>
      {props.hint && (
        <p id={`${id}-aide`} className="hint">
          {props.hint}
        </p>
      )}
      <FieldError name={props.name} errors={props.errors} />
      {props.multiline ? (
        <textarea {...common} rows={props.multiline} />
      ) : (
        <input {...common} type={props.type ?? 'text'} autoComplete={props.autoComplete ?? 'off'} />
      )}
    </div>
  );
}

export function Check(props: { name: string; label: string; values: RawForm; errors: FormErrors; hint?: string }) {
  const id = fieldId(props.name);
  const error = Boolean(props.errors[props.name]);
  return (
    <div className="field">
      <FieldError name={props.name} errors={props.errors} />
      <div className="choice">
        <input
          type="checkbox"
          id={id}
          name={props.name}
          defaultChecked={props.values[props.name] === 'on'}
          aria-invalid={error || undefined}
          aria-describedby={describedBy(props.name, Boolean(props.hint), error)}
        />
        <label htmlFor={id}>
          {props.label}
          {props.hint && (
            <span id={`${id}-aide`} className="desc">
              {props.hint}
            </span>
          )}
        </label>
      </div>
    </div>
  );
}

function ContractSelect({ values, errors }: { values: RawForm; errors: FormErrors }) {
  const id = fieldId('contractType');
  const error = Boolean(errors.contractType);
  return (
    <div className="field">
      <label htmlFor={id}>Type de contrat</label>
      <FieldError name="contractType" errors={errors} />
      <select
        id={id}
        name="contractType"
        required
        defaultValue={values.contractType ?? ''}
        aria-invalid={error || undefined}
        aria-describedby={describedBy('contractType', false, error)}
      >
        <option value="">Choisissez…</option>
        {JOB_CONTRACTS.map((c) => (
          <option key={c} value={c}>
            {JOB_CONTRACT_LABELS[c]}
          </option>
        ))}
      </select>
    </div>
  );
}

const PARIS_HINT = 'Heure de Paris. Par exemple 12/05/2026 18:30.';
const MEDIA_MB = MEDIA_MAX_BYTES / 1024 / 1024;

/** One kind's fields; `image`: the event form's upload (not when resubmitting: the image stays as it is). */
export function KindFields(props: {
  kind: ContributionKind;
  values: RawForm;
  errors: FormErrors;
  image?: { lost: boolean } | null;
}) {
  const { values: v, errors: e } = props;
  const f = { values: v, errors: e };
  if (props.kind === 'event')
    return (
      <>
        <Field name="title" label="Titre de l’événement" maxLength={200} {...f} />
        <Field name="startsAt" label="Début" type="datetime-local" hint={PARIS_HINT} {...f} />
        <Field name="endsAt" label="Fin" type="datetime-local" hint={PARIS_HINT} {...f} />
        <Check name="online" label="En ligne" hint="Cochez si l’événement a lieu en ligne." {...f} />
        <Field
          name="place"
          label="Lieu"
          optional
          hint="Adresse et ville ; laissez vide s’il a lieu en ligne seulement."
          maxLength={200}
          {...f}
        />
        <Field name="organiser" label="Organisé par" maxLength={200} autoComplete="organization" {...f} />
        <Field
          name="url"
          label="Lien pour en savoir plus ou s’inscrire"
          type="url"
          optional
          hint="Adresse complète, commençant par https://"
          maxLength={2048}
          {...f}
        />
        <Field
          name="description"
          label="Description courte"
          multiline={6}
          maxLength={4000}
          hint="4 000 caractères au plus."
          {...f}
        />
        {props.image && (
          <div className="field">
            <label htmlFor={fieldId('image')}>
              Image<span className="optional"> (facultatif)</span>
            </label>
            <p id={`${fieldId('image')}-aide`} className="hint">
              JPEG, PNG, WebP ou GIF, {MEDIA_MB} Mo au plus. Choisissez une image que vous avez le droit de diffuser.
              {props.image.lost &&
                ' Votre navigateur ne garde pas l’image après une erreur : choisissez-la de nouveau.'}
            </p>
            <FieldError name="image" errors={e} />
            <input
              id={fieldId('image')}
              name="image"
              type="file"
              accept="image/jpeg,image/png,image/webp,image/gif"
              aria-invalid={Boolean(e.image) || undefined}
              aria-describedby={describedBy('image', true, Boolean(e.image))}
            />
          </div>
        )}
        <Field
          name="imageAlt"
          label="Description de l’image"
          optional
          hint="Ce que montre l’image, pour les personnes qui ne la voient pas. Obligatoire si vous envoyez une image."
          maxLength={300}
          {...f}
        />
      </>
    );
  if (props.kind === 'job')
    return (
      <>
        <Field name="title" label="Intitulé du poste ou du stage" maxLength={200} {...f} />
        <Field
          name="organisation"
          label="Organisation qui recrute"
          maxLength={200}
          autoComplete="organization"
          {...f}
        />
        <ContractSelect {...f} />
        <Field
          name="place"
          label="Lieu de travail"
          hint="La ville, même si le poste est en télétravail."
          maxLength={200}
          {...f}
        />
        <Check name="remote" label="Télétravail possible" {...f} />
        <Field
          name="closesOn"
          label="Date limite de candidature"
          type="date"
          hint="Par exemple 30/06/2026. L’offre disparaît du site le lendemain."
          {...f}
        />
        <Field
          name="url"
          label="Lien vers l’offre complète"
          type="url"
          hint="Adresse complète, commençant par https://"
          maxLength={2048}
          {...f}
        />
        <Field
          name="description"
          label="Description"
          multiline={8}
          maxLength={4000}
          hint="Missions, profil, conditions ; 4 000 caractères au plus."
          {...f}
        />
      </>
    );
  return (
    <>
      <Field name="title" label="Titre de l’actualité" maxLength={200} {...f} />
      <Field
        name="organisation"
        label="Votre organisation (adhérente)"
        maxLength={200}
        autoComplete="organization"
        {...f}
      />
      <Field name="description" label="Texte" multiline={8} maxLength={2000} hint="2 000 caractères au plus." {...f} />
      <Field
        name="url"
        label="Lien pour en savoir plus"
        type="url"
        optional
        hint="Adresse complète, commençant par https://"
        maxLength={2048}
        {...f}
      />
    </>
  );
}

/** The French labels of every field, for the error summary. */
export const FIELD_NAMES: Record<string, string> = {
  title: 'Titre',
  startsAt: 'Début',
  endsAt: 'Fin',
  online: 'En ligne',
  place: 'Lieu',
  organiser: 'Organisé par',
  organisation: 'Organisation',
  contractType: 'Type de contrat',
  remote: 'Télétravail',
  closesOn: 'Date limite de candidature',
  url: 'Lien',
  description: 'Description',
  image: 'Image',
  imageAlt: 'Description de l’image',
  name: 'Votre nom',
  email: 'Votre adresse e-mail',
  consent: 'Accord pour être contacté·e',
};

/** The errors above the form, in the fields' order, each a link to its field. */
export function ErrorSummary(props: { errors: FormErrors; order: readonly string[] }) {
  const names = [...props.order, ...Object.keys(props.errors).filter((k) => !props.order.includes(k))];
  const shown = names.filter((n) => props.errors[n]);
  if (!shown.length) return null;
  return (
    <div className="errors" role="alert" aria-labelledby="erreurs-titre">
      <h2 id="erreurs-titre">{shown.length > 1 ? `${shown.length} champs à corriger` : 'Un champ à corriger'}</h2>
      <ul>
        {shown.map((name) => (
          <li key={name}>
            <a href={`#${fieldId(name)}`}>
              {FIELD_NAMES[name] ?? name}
              {'\u00a0'}: {ft(props.errors[name]!)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
