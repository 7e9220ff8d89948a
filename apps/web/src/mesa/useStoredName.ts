import { useCallback, useState } from 'react';

const KEY = 'cocrea:name';

function read(): string {
  try {
    return localStorage.getItem(KEY)?.trim() ?? '';
  } catch {
    return '';
  }
}

/** The person's display name, remembered in this browser across mesas; `''` until they give one. */
export function useStoredName(): [string, (name: string) => void] {
  const [name, setName] = useState(read);
  const save = useCallback((next: string) => {
    const clean = next.trim();
    try {
      localStorage.setItem(KEY, clean);
    } catch {
      // Private mode: asked again next time.
    }
    setName(clean);
  }, []);
  return [name, save];
}
