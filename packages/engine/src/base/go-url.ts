/**
 * Whether Go's `url.ParseRequestURI` accepts a text: an absolute path (`/healthz`), `*`, or an
 * absolute URL (`http://host:8080/x`, `mailto:x`), without control characters or broken `%`
 * escapes. Kuma uses it to check probe paths.
 */
export function isRequestURI(text: string): boolean {
  if (text === '' || /[\u0000-\u001f\u007f]/.test(text)) return false;
  if (text === '*') return true;
  const scheme = schemeOf(text);
  if (scheme === null) return false;
  let rest = text.slice(scheme === '' ? 0 : scheme.length + 1);
  const q = rest.indexOf('?');
  if (q >= 0) rest = rest.slice(0, q);
  if (!rest.startsWith('/')) return scheme !== '';
  if (scheme !== '' && rest.startsWith('//')) {
    const authority = rest.slice(2);
    const slash = authority.indexOf('/');
    if (!validAuthority(slash >= 0 ? authority.slice(0, slash) : authority)) return false;
    rest = slash >= 0 ? authority.slice(slash) : '';
  }
  return validEscapes(rest, 'path');
}

/** Go's `getScheme`: the scheme ('' when there is none), or null when the text starts with `:`. */
function schemeOf(text: string): string | null {
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (/[a-zA-Z]/.test(c)) continue;
    if (/[0-9+\-.]/.test(c)) {
      if (i === 0) return '';
      continue;
    }
    if (c === ':') return i === 0 ? null : text.slice(0, i);
    return '';
  }
  return '';
}

function validAuthority(authority: string): boolean {
  const at = authority.lastIndexOf('@');
  if (!validHost(at < 0 ? authority : authority.slice(at + 1))) return false;
  if (at < 0) return true;
  const userinfo = authority.slice(0, at);
  return /^[a-zA-Z0-9\-._:~!$&'()*+,;=%@]*$/.test(userinfo) && userinfo.split(':').every((part) => validEscapes(part, 'path'));
}

/** Go's `parseHost` (without the IPv6 zone special case). */
function validHost(host: string): boolean {
  const port = /^(:\d*)?$/;
  if (host.startsWith('[')) {
    const close = host.lastIndexOf(']');
    if (close < 0 || !port.test(host.slice(close + 1))) return false;
  } else {
    const colon = host.lastIndexOf(':');
    if (colon >= 0 && !port.test(host.slice(colon))) return false;
  }
  return validEscapes(host, 'host');
}

/** Go's `unescape`: every `%` starts two hex digits; in a host, only `%25` or a code of 0x80 up, and no character that needs escaping. */
function validEscapes(text: string, mode: 'path' | 'host'): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '%') {
      if (!/^[0-9a-fA-F]{2}$/.test(text.slice(i + 1, i + 3))) return false;
      if (mode === 'host' && parseInt(text[i + 1], 16) < 8 && text.slice(i, i + 3) !== '%25') return false;
      i += 2;
    } else if (mode === 'host' && c.charCodeAt(0) < 0x80 && !/[a-zA-Z0-9\-_.~!$&'()*+,;=:[\]<>"]/.test(c)) {
      return false;
    }
  }
  return true;
}
