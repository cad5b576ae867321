// The fields of a guide, shared by the admin's "new guide" and "edit guide" pages.
import { Field, TextAreaField } from '~/components/form';
import type { FieldErrors } from '~/lib/shared/forms';

export interface GuideFormValues {
  title: string;
  slug: string;
  description: string;
  solutionArea: string | null;
  symptoms: string[];
  isPublished: boolean;
}

export function GuideFields({ values, solutionAreas, errors }: { values?: GuideFormValues; solutionAreas: Array<{ slug: string; name: string }>; errors: FieldErrors }) {
  return (
    <>
      <Field name="title" label="Title" required maxLength={120} defaultValue={values?.title} error={errors['title']} />
      <Field name="slug" label="Slug" required maxLength={80} pattern="[a-z0-9-]+" defaultValue={values?.slug} hint="Lower-case letters, digits and hyphens; used in links." error={errors['slug']} />
      <TextAreaField name="description" label="Description" rows={3} defaultValue={values?.description} hint="Shown to customers when they choose a guide; also used for matching." error={errors['description']} />
      <div className="field">
        <label htmlFor="field-solutionArea">Solution area</label>
        <select id="field-solutionArea" name="solutionArea" defaultValue={values?.solutionArea ?? ''} aria-invalid={errors['solutionArea'] ? true : undefined}>
          <option value="">None</option>
          {solutionAreas.map((area) => (
            <option key={area.slug} value={area.slug}>
              {area.name}
            </option>
          ))}
        </select>
        {errors['solutionArea'] ? <p className="field-error">{errors['solutionArea']}</p> : null}
      </div>
      <TextAreaField
        name="symptoms"
        label="Symptoms"
        rows={5}
        defaultValue={values?.symptoms.join('\n')}
        hint="One per line, in the words customers use: these weigh most when matching a description to a guide."
        error={errors['symptoms']}
      />
      <div className="field checkbox-field">
        <label>
          <input type="checkbox" name="isPublished" defaultChecked={values?.isPublished ?? false} /> Published (customers can find and follow it)
        </label>
      </div>
    </>
  );
}
