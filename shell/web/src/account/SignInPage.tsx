/**
 * `/v/<village>/signin`: residents sign in to submit, track and rate. After sign-in the page reloads
 * the portal (or `?next=`, a path inside the same portal), so every widget gets a credential bound to
 * the resident.
 */
import { Button, LoadingState } from '@cunmen/ui';
import { useEffect, useState } from 'react';
import { useConsoleT } from './messages.js';
import { SignInForm } from './SignInForm.js';
import { currentSession, type SessionInfo, signOut } from './session.js';

function nextPath(base: string): string {
  const next = new URLSearchParams(window.location.search).get('next');
  return next?.startsWith(`${base}/`) && !next.includes('//') ? next : `${base}/`;
}

export default function SignInPage({ base, fetch: fetchImpl }: { base: string; fetch?: typeof fetch }) {
  const t = useConsoleT();
  const [session, setSession] = useState<SessionInfo | null | undefined>(undefined);
  useEffect(() => {
    currentSession(fetchImpl).then(
      (s) => setSession(s),
      () => setSession(null),
    );
  }, [fetchImpl]);
  useEffect(() => {
    document.title = t('account.title');
  }, [t]);
  if (session === undefined) return <LoadingState label={t('account.loading')} />;
  return (
    <section className="shell-cadre" aria-labelledby="shell-signin-title">
      <h1 id="shell-signin-title" className="shell-section-title">
        {t('account.title')}
      </h1>
      {session && session.mfa === 'passed' ? (
        <>
          <p>{t('account.signedInAs', { name: session.user.displayName })}</p>
          <Button
            variant="secondary"
            onClick={async () => {
              await signOut(session.csrfToken, fetchImpl);
              window.location.assign(`${base}/`);
            }}
          >
            {t('account.signOut')}
          </Button>
        </>
      ) : (
        <SignInForm onSignedIn={() => window.location.assign(nextPath(base))} fetch={fetchImpl} />
      )}
    </section>
  );
}
