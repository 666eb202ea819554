import { StrictMode, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { createFetchAdapter } from '@security-info/core';
import { SecurityInfoWizard, type SecurityInfoCompleteDetail } from '@security-info/react';

function SecurityInfoPage() {
  const adapter = useMemo(() => createFetchAdapter({ baseUrl: '/api/security-info' }), []);
  const [registered, setRegistered] = useState<SecurityInfoCompleteDetail | null>(null);
  return (
    <main>
      <h1>Security info</h1>
      <SecurityInfoWizard
        purpose="mfa"
        defaultCountry="NL"
        adapter={adapter}
        onSecurityInfoComplete={(event) => setRegistered(event.detail)}
      />
      <p role="status">{registered ? `Registered ${registered.phoneNumber}` : ''}</p>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SecurityInfoPage />
  </StrictMode>,
);
