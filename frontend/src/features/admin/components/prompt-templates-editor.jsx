import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextAreaField } from '../../../components/ui/fields';
import { LoadingState } from '../../../components/ui/loading-state';
import { ErrorState, FormError } from '../../../components/ui/error-state';
import { useToast } from '../../../components/ui/toast';
import { usePromptTemplates, useUpdatePromptTemplate } from '../api/prompt-templates';

function TemplateForm({ template }) {
  const { t } = useTranslation();
  const { notify } = useToast();
  const [values, setValues] = useState(() => ({
    system_prompt: template.system_prompt,
    user_prompt_template: template.user_prompt_template,
    output_format_schema: JSON.stringify(template.output_format_schema, null, 2),
    active: template.active,
  }));
  const [schemaError, setSchemaError] = useState(null);
  const save = useUpdatePromptTemplate({ onSuccess: (saved) => notify(t('admin.prompts.saved', { name: saved.name, version: saved.version })) });
  const fields = save.error?.fields ?? {};
  const submit = (event) => {
    event.preventDefault();
    let schema;
    try {
      schema = JSON.parse(values.output_format_schema);
      setSchemaError(null);
    } catch {
      setSchemaError(t('admin.prompts.schemaNotJson'));
      return;
    }
    save.mutate({ name: template.name, changes: { ...values, output_format_schema: schema } });
  };
  const set = (name) => (event) => setValues((v) => ({ ...v, [name]: event.target.value }));
  return (
    <form className="flex flex-col gap-4" onSubmit={submit} noValidate aria-label={t('admin.prompts.editLabel', { name: template.name })}>
      {save.isError && !Object.keys(fields).length && <FormError error={save.error} />}
      <TextAreaField label={t('admin.prompts.system')} value={values.system_prompt} onChange={set('system_prompt')} rows={6} error={fields.system_prompt} />
      <TextAreaField label={t('admin.prompts.user')} value={values.user_prompt_template} onChange={set('user_prompt_template')} rows={4}
        hint={t('admin.prompts.userHint')} error={fields.user_prompt_template} />
      <TextAreaField label={t('admin.prompts.schema')} value={values.output_format_schema} onChange={set('output_format_schema')} rows={10}
        className="[&_textarea]:font-mono [&_textarea]:text-xs" error={schemaError ?? fields.output_format_schema} />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" className="checkbox checkbox-sm" checked={values.active} onChange={(e) => setValues((v) => ({ ...v, active: e.target.checked }))} />
        {t('admin.prompts.active')}
      </label>
      <div><button type="submit" className="btn btn-primary btn-sm" disabled={save.isPending}>{t('admin.prompts.save')}</button></div>
    </form>
  );
}

/** The prompt templates, one at a time: system prompt, user prompt, output schema, on/off. */
export function PromptTemplatesEditor() {
  const { t } = useTranslation();
  const query = usePromptTemplates();
  const [selected, setSelected] = useState(null);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={query.refetch} />;
  const templates = query.data;
  const current = templates.find((tpl) => tpl.name === selected) ?? templates[0];
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-base-content/80">{t('admin.prompts.intro')}</p>
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium">{t('admin.prompts.pick')}</span>
        <select className="select w-full max-w-md" value={current?.name ?? ''} onChange={(e) => setSelected(e.target.value)}>
          {templates.map((tpl) => (
            <option key={tpl.name} value={tpl.name}>{t('admin.prompts.option', { name: tpl.name, version: tpl.version })}</option>
          ))}
        </select>
      </label>
      {current && <TemplateForm key={`${current.name}:${current.version}`} template={current} />}
    </div>
  );
}
