import { createHash } from 'node:crypto';

/** What a public key line says about itself: type, size and the fingerprint the Hub lists. */
export interface PublicKeyFacts {
  readonly type: 'ed25519' | 'ecdsa' | 'rsa' | 'dsa' | 'unknown';
  readonly bits: number | null;
  readonly fingerprint: string;
  /** "TYPE BASE64", without the comment. */
  readonly key: string;
  readonly comment: string;
}

/** Reads SSH wire-format strings (uint32 length + bytes) from a buffer; throws on truncation. */
class WireReader {
  private offset = 0;
  constructor(private readonly buffer: Buffer) {}
  bytes(): Buffer {
    if (this.offset + 4 > this.buffer.length) throw new Error('truncated');
    const length = this.buffer.readUInt32BE(this.offset);
    const start = this.offset + 4;
    if (start + length > this.buffer.length) throw new Error('truncated');
    this.offset = start + length;
    return this.buffer.subarray(start, start + length);
  }
  string(): string {
    return this.bytes().toString('latin1');
  }
  uint32(): number {
    if (this.offset + 4 > this.buffer.length) throw new Error('truncated');
    const value = this.buffer.readUInt32BE(this.offset);
    this.offset += 4;
    return value;
  }
}

/** The fingerprint exactly as `ssh-keygen -lf` prints it: SHA256 of the blob, unpadded base64. */
export function fingerprintOf(blob: Buffer): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

function bitLength(mpint: Buffer): number {
  let index = 0;
  while (index < mpint.length && mpint[index] === 0) index += 1;
  if (index === mpint.length) return 0;
  return (mpint.length - index - 1) * 8 + (32 - Math.clz32(mpint[index]!));
}

/** Parses one public key line ("ssh-ed25519 AAAA... comment"); undefined when it is not one. */
export function parsePublicKeyLine(line: string): PublicKeyFacts | undefined {
  const [declared, base64, ...rest] = line.trim().split(/\s+/);
  if (!declared || !base64 || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return undefined;
  const blob = Buffer.from(base64, 'base64');
  try {
    const reader = new WireReader(blob);
    const name = reader.string();
    if (name !== declared) return undefined;
    let type: PublicKeyFacts['type'] = 'unknown';
    let bits: number | null = null;
    if (name === 'ssh-ed25519') {
      type = 'ed25519';
      if (reader.bytes().length !== 32) return undefined;
      bits = 256;
    } else if (name.startsWith('ecdsa-sha2-')) {
      type = 'ecdsa';
      const curve = reader.string();
      reader.bytes();
      bits = Number(curve.replace('nistp', '')) || null;
    } else if (name === 'ssh-rsa') {
      type = 'rsa';
      reader.bytes();
      bits = bitLength(reader.bytes());
    } else if (name === 'ssh-dss') {
      type = 'dsa';
      bits = bitLength(reader.bytes());
    }
    return {
      type,
      bits,
      fingerprint: fingerprintOf(blob),
      key: `${declared} ${base64}`,
      comment: rest.join(' '),
    };
  } catch {
    return undefined;
  }
}

/** What the private key file's text tells without its passphrase. */
export interface PrivateKeyFacts {
  readonly format: 'openssh' | 'pem' | 'garbage';
  /** null when the format does not say (garbage). */
  readonly encrypted: boolean | null;
  /** The public key the OpenSSH format stores in clear ("TYPE BASE64"), when present. */
  readonly publicKey?: string;
}

/** Reads a private key file's header: OpenSSH keys say their cipher and carry their public half. */
export function inspectPrivateKey(text: string): PrivateKeyFacts {
  const openssh = /-----BEGIN OPENSSH PRIVATE KEY-----([\s\S]*?)-----END OPENSSH PRIVATE KEY-----/.exec(text);
  if (openssh) {
    try {
      const body = Buffer.from(openssh[1]!.replace(/\s+/g, ''), 'base64');
      const magic = 'openssh-key-v1\0';
      if (body.subarray(0, magic.length).toString('latin1') !== magic)
        return { format: 'garbage', encrypted: null };
      const reader = new WireReader(body.subarray(magic.length));
      const cipher = reader.string();
      reader.string(); // kdf name
      reader.bytes(); // kdf options
      if (reader.uint32() < 1) return { format: 'garbage', encrypted: null };
      const publicBlob = reader.bytes();
      const type = new WireReader(publicBlob).string();
      reader.bytes(); // the (possibly encrypted) private section must be there in full
      return {
        format: 'openssh',
        encrypted: cipher !== 'none',
        publicKey: `${type} ${publicBlob.toString('base64')}`,
      };
    } catch {
      return { format: 'garbage', encrypted: null };
    }
  }
  const pem =
    /-----BEGIN ((?:RSA|EC|DSA|ENCRYPTED) )?PRIVATE KEY-----[\s\S]+-----END ((?:RSA|EC|DSA|ENCRYPTED) )?PRIVATE KEY-----/.exec(
      text,
    );
  if (pem) {
    return { format: 'pem', encrypted: pem[1] === 'ENCRYPTED ' || /Proc-Type:\s*4,ENCRYPTED/.test(text) };
  }
  return { format: 'garbage', encrypted: null };
}
