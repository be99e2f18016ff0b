/**
 * Staff sign-in on the console origin: account and password, then the six-digit dynamic code when the
 * role needs a second factor — or, at a province or county account's first sign-in, its enrolment: the
 * secret to type into an authenticator app, then its first code. Refusals are the server's own zh-CN
 * messages (a resident account is told the console is not for it), read out by screen readers.
 */
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { problemText, useApi } from '../api/client.js';
import {
  enableTotp,
  type Session,
  signIn,
  startTotpEnrolment,
  submitTotp,
  useSetSession,
} from '../api/session.js';
import { useT } from '../i18n/index.js';

export function SignInPage() {
  const t = useT();
  const api = useApi();
  const setSession = useSetSession();
  const [pending, setPending] = useState<Session | null>(null);
  const [enrolment, setEnrolment] = useState<{ secret: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<Session>) => {
    setBusy(true);
    setError(null);
    try {
      const session = await work();
      if (session.mfa === 'passed') {
        setSession(session);
        return;
      }
      setPending(session);
      if (session.mfa === 'enrolment-required')
        setEnrolment(await startTotpEnrolment(api, session.csrfToken));
    } catch (thrown) {
      setError(problemText(thrown, t('account.failed')));
    } finally {
      setBusy(false);
    }
  };

  const submit = (values: { name?: string; password?: string; code?: string }) => {
    if (pending) {
      const code = (values.code ?? '').trim();
      void run(() => (enrolment ? enableTotp : submitTotp)(api, code, pending.csrfToken));
      return;
    }
    const name = (values.name ?? '').trim();
    if (!name || !values.password) {
      setError(t('account.missing'));
      return;
    }
    void run(() => signIn(api, name, values.password as string));
  };

  return (
    <div className="console-signin">
      <Card>
        <Typography.Title level={1} className="console-signin__title">
          {t('account.title')}
        </Typography.Title>
        <Typography.Paragraph>{t('account.intro')}</Typography.Paragraph>
        {enrolment ? (
          <div aria-live="polite">
            <Typography.Paragraph>{t('account.enrol')}</Typography.Paragraph>
            <Typography.Paragraph>
              {t('account.secret')} <code data-testid="totp-secret">{enrolment.secret}</code>
            </Typography.Paragraph>
          </div>
        ) : null}
        <Form layout="vertical" requiredMark={false} onFinish={submit} name="signin">
          {pending ? (
            <Form.Item label={t('account.code')} name="code" extra={t('account.codeHint')}>
              <Input inputMode="numeric" autoComplete="one-time-code" />
            </Form.Item>
          ) : (
            <>
              <Form.Item label={t('account.name')} name="name">
                <Input autoComplete="username" />
              </Form.Item>
              <Form.Item label={t('account.password')} name="password">
                {/* No show-password eye: a 16 px icon is no target for a thumb (the resident form has none either). */}
                <Input.Password autoComplete="current-password" visibilityToggle={false} />
              </Form.Item>
            </>
          )}
          {error ? <Alert type="error" role="alert" title={error} className="console-signin__error" /> : null}
          <Button type="primary" htmlType="submit" block loading={busy}>
            {pending ? t('account.verify') : t('account.signIn')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
