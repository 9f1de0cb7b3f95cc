// A password-protected .docx is not a zip: Office wraps the encrypted package in an OLE compound file
// (the legacy .doc container) holding streams named "EncryptedPackage" and "EncryptionInfo".

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** Directory entry names in an OLE file are UTF-16LE. */
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

export function isOleCompoundFile(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && OLE_SIGNATURE.every((b, i) => bytes[i] === b);
}

/** True for an encrypted (password-protected) Word/Excel/PowerPoint file. */
export function isEncryptedOoxml(bytes: Uint8Array): boolean {
  return isOleCompoundFile(bytes) && Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(ENCRYPTED_PACKAGE);
}
