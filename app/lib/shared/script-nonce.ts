// The document's script nonce, handed from entry.server.tsx to the root Layout (which gives it to Remix's inline
// scripts). In the browser it is empty: browsers hide nonce values from the page, and scripts that hydrate are
// already running.
import { createContext, useContext } from 'react';

export const ScriptNonceContext = createContext<string | undefined>(undefined);

export const useScriptNonce = () => useContext(ScriptNonceContext);
