/**
 * One service's settings: a form generated from its config's JSON Schema (the release's, the one the
 * server checks against), checked in the browser with the server's Chinese before anything is sent,
 * and a refusal's problems shown on their fields. Also its newer version, if any, and 从门户中移除 —
 * with 撤销 instead of a confirmation dialog.
 */
import { LockOutlined } from '@ant-design/icons';
import type { IChangeEvent } from '@rjsf/core';
import { useNavigate } from '@tanstack/react-router';
import { Alert, App, Button, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { problemText } from '../api/client.js';
import { useT } from '../i18n/index.js';
import { problemsOf, useDraftEdit } from './api.js';
import { ComposerHeading } from './ComposerHeading.js';
import { changedFromDefaults, createValidator, formSchema, problemsToErrorSchema } from './form-validator.js';
import { configureService, removeService } from './layout.js';
import { composerHref } from './paths.js';
import { SettingsForm } from './SettingsForm.js';
import type { ComposerView } from './types.js';
import { UpgradeNotice } from './UpgradeNotice.js';

type Config = Record<string, unknown>;

export function ServiceSettings({ view, name }: { view: ComposerView; name: string }) {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const code = view.village.code;
  const edit = useDraftEdit(code);
  const index = view.config.widgets.findIndex((w) => w.name === name);
  const entry = view.config.widgets[index];
  const info = view.services[name];
  const defaults = info?.configDefaults ?? null;
  const schema = useMemo(() => (info?.configSchema ? formSchema(info.configSchema) : null), [info]);
  const validator = useMemo(() => createValidator(defaults), [defaults]);
  const [data, setData] = useState<Config>(() => ({ ...(defaults ?? {}), ...(entry?.config ?? {}) }));
  const serverErrors = useMemo(
    () => problemsToErrorSchema(problemsOf(edit.error), index),
    [edit.error, index],
  );

  if (!entry) {
    return (
      <section className="console-page composer">
        <ComposerHeading view={view} title={t('composer.settings')} />
        <Alert type="warning" title={t('composer.notFound')} />
      </section>
    );
  }
  const title = info?.title['zh-CN'] ?? name;
  const rule = (view.mandatory ?? []).find((r) => r.package === name);
  const back = () => void navigate({ to: composerHref(code) as '/' });
  const save = ({ formData }: IChangeEvent<Config>) =>
    edit.mutate(
      {
        kind: 'save',
        baseVersion: view.baseVersion,
        config: configureService(view.config, name, changedFromDefaults(formData ?? {}, defaults)),
      },
      {
        onSuccess: () => {
          void message.success(t('composer.saved'));
          back();
        },
      },
    );
  const before = view.config;
  const remove = () =>
    edit.mutate(
      { kind: 'save', baseVersion: view.baseVersion, config: removeService(view.config, name) },
      {
        onSuccess: () => {
          back();
          const key = `removed-${name}`;
          void message.open({
            key,
            type: 'success',
            duration: 10,
            content: (
              <span>
                {t('composer.removed', { title })}{' '}
                <Button
                  size="small"
                  onClick={() => {
                    message.destroy(key);
                    edit.mutate({ kind: 'save', baseVersion: view.baseVersion, config: before });
                  }}
                >
                  {t('composer.undo')}
                </Button>
              </span>
            ),
          });
        },
      },
    );

  return (
    <section className="console-page composer" data-widget={name}>
      <ComposerHeading view={view} title={t('composer.serviceOf', { title })} />
      <Typography.Paragraph>{t('composer.version', { version: entry.version })}</Typography.Paragraph>
      <UpgradeNotice view={view} name={name} version={entry.version} />
      {edit.isError ? (
        <Alert type="error" role="alert" title={problemText(edit.error, t('app.failed', { message: '' }))} />
      ) : null}
      {schema ? (
        <SettingsForm
          className="composer-form"
          schema={schema}
          formData={data}
          validator={validator}
          extraErrors={serverErrors}
          showErrorList={false}
          noHtml5Validate
          liveValidate="onBlur"
          focusOnFirstError
          onChange={(e) => setData(e.formData ?? {})}
          onSubmit={save}
          disabled={edit.isPending}
          uiSchema={{
            'ui:submitButtonOptions': { submitText: t('composer.save'), props: { type: 'primary' } },
          }}
        />
      ) : (
        <Typography.Paragraph>{t('composer.noSettings')}</Typography.Paragraph>
      )}
      {info?.kind === 'standard' && !rule ? (
        <Alert type="warning" title={t('composer.standard', { title })} />
      ) : null}
      {rule ? (
        <Alert
          type="info"
          className="composer-mandatory"
          showIcon
          icon={<LockOutlined aria-hidden />}
          title={t('composer.mandatoryBy', {
            title,
            by: t(rule.by === 'province' ? 'composer.byProvince' : 'composer.byCounty'),
          })}
        />
      ) : (
        <p className="composer-remove">
          <Button onClick={remove} loading={edit.isPending}>
            {t('composer.remove')}
          </Button>
        </p>
      )}
    </section>
  );
}
