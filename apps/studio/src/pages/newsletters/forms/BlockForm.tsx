import type { Block } from '../blocks';
import { AgendaForm } from './AgendaForm';
import { CardForm } from './CardForm';
import { DocBlockForm } from './DocBlockForm';
import type { FieldErrors } from './form-props';
import { JobsForm } from './JobsForm';
import { MembersNewsForm } from './MembersNewsForm';
import { ButtonForm, DividerNote, ImageForm, SectionTitleForm } from './SimpleForms';

// every form hands back a patch; the composer merges it into the latest copy of the block (by key),
// so an editor's late callback never brings back an older state
type Props = { block: Block; onChange: (patch: Partial<Block>) => void; errors: FieldErrors; readOnly: boolean };

/** The form suited to a block's type. */
export function BlockForm({ block, onChange, errors, readOnly }: Props) {
  const common = { errors, readOnly };
  switch (block.type) {
    case 'edito':
    case 'richText':
      return <DocBlockForm block={block} onChange={onChange} {...common} />;
    case 'article':
    case 'dossier':
      return <CardForm block={block} onChange={onChange} {...common} />;
    case 'agenda':
      return <AgendaForm block={block} onChange={onChange} {...common} />;
    case 'jobs':
      return <JobsForm block={block} onChange={onChange} {...common} />;
    case 'membersNews':
      return <MembersNewsForm block={block} onChange={onChange} {...common} />;
    case 'image':
      return <ImageForm block={block} onChange={onChange} {...common} />;
    case 'button':
      return <ButtonForm block={block} onChange={onChange} {...common} />;
    case 'sectionTitle':
      return <SectionTitleForm block={block} onChange={onChange} {...common} />;
    case 'divider':
      return <DividerNote />;
  }
}
