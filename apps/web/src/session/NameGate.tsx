import type { ReactNode } from 'react';
import { NamePrompt } from '../mesa/NamePrompt';
import { useStoredName } from '../mesa/useStoredName';
import { PageLayout } from '../ui/PageLayout';

/** Asks the person's name the first time (as the mesa page does), then renders the page with it. */
export function NameGate({ children }: { children: (name: string) => ReactNode }) {
  const [name, setName] = useStoredName();
  if (name) return children(name);
  return (
    <PageLayout mainClassName="doc doc--center">
      <NamePrompt initialName="" error={null} onSubmit={setName} />
    </PageLayout>
  );
}
