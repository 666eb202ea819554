import { StrictMode, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { createFetchAdapter } from '@security-info/core';
import { SecurityInfoMethods, type SecurityInfoMethodsChangeDetail } from '@security-info/react';

function AccountPage() {
  const adapter = useMemo(() => createFetchAdapter({ baseUrl: '/api/security-info' }), []);
  const [change, setChange] = useState<SecurityInfoMethodsChangeDetail['change'] | null>(null);
  return (
    <main>
      <h1>My account</h1>
      {/* The person's sign-in methods; Add and Change open the wizard in a dialog. */}
      <SecurityInfoMethods
        defaultCountry="NL"
        adapter={adapter}
        onSecurityInfoMethodsChange={(event) => setChange(event.detail.change)}
      />
      {/* The page says each change to screen readers itself; this is what the rest of the app may want to know. */}
      <p>{change ? `Security info updated (${change}).` : ''}</p>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AccountPage />
  </StrictMode>,
);
