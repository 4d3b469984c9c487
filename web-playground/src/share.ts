// Share links: the state, deflated and base64url-encoded, in the URL fragment (which browsers
// never send to a server). No dependency: CompressionStream does the deflating.
export interface SharedState {
  text: string;
  runnerVersion: string;
}

const PREFIX = '#config=';

async function pipe(bytes: Uint8Array, transform: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(transform);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

export async function encodeFragment(state: SharedState): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify({ v: 1, text: state.text, runnerVersion: state.runnerVersion }));
  return PREFIX + toBase64Url(await pipe(json, new CompressionStream('deflate-raw')));
}

/** The state in a fragment, or null when there is none or it is damaged. */
export async function decodeFragment(fragment: string): Promise<SharedState | null> {
  if (!fragment.startsWith(PREFIX)) return null;
  try {
    const bytes = await pipe(fromBase64Url(fragment.slice(PREFIX.length)), new DecompressionStream('deflate-raw'));
    const state = JSON.parse(new TextDecoder().decode(bytes)) as Partial<SharedState>;
    if (typeof state.text !== 'string') return null;
    return { text: state.text, runnerVersion: typeof state.runnerVersion === 'string' ? state.runnerVersion : '' };
  } catch {
    return null;
  }
}
