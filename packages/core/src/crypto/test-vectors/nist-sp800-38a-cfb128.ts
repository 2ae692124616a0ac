// NIST SP 800-38A (2001), Appendix F.3.13–F.3.18: CFB128-AES128/192/256 Encrypt and Decrypt.
// The decrypt vectors (F.3.14/16/18) use the same key, IV and blocks with the roles swapped.

export interface Cfb128Vector {
  name: string;
  keyHex: string;
  ivHex: string;
  plaintextHex: string;
  ciphertextHex: string;
}

const IV = "000102030405060708090a0b0c0d0e0f";
const PLAINTEXT = [
  "6bc1bee22e409f96e93d7e117393172a",
  "ae2d8a571e03ac9c9eb76fac45af8e51",
  "30c81c46a35ce411e5fbc1191a0a52ef",
  "f69f2445df4f9b17ad2b417be66c3710",
].join("");

export const CFB128_VECTORS: readonly Cfb128Vector[] = [
  {
    name: "F.3.13/F.3.14 CFB128-AES128",
    keyHex: "2b7e151628aed2a6abf7158809cf4f3c",
    ivHex: IV,
    plaintextHex: PLAINTEXT,
    ciphertextHex: [
      "3b3fd92eb72dad20333449f8e83cfb4a",
      "c8a64537a0b3a93fcde3cdad9f1ce58b",
      "26751f67a3cbb140b1808cf187a4f4df",
      "c04b05357c5d1c0eeac4c66f9ff7f2e6",
    ].join(""),
  },
  {
    name: "F.3.15/F.3.16 CFB128-AES192",
    keyHex: "8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b",
    ivHex: IV,
    plaintextHex: PLAINTEXT,
    ciphertextHex: [
      "cdc80d6fddf18cab34c25909c99a4174",
      "67ce7f7f81173621961a2b70171d3d7a",
      "2e1e8a1dd59b88b1c8e60fed1efac4c9",
      "c05f9f9ca9834fa042ae8fba584b09ff",
    ].join(""),
  },
  {
    name: "F.3.17/F.3.18 CFB128-AES256",
    keyHex: "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4",
    ivHex: IV,
    plaintextHex: PLAINTEXT,
    ciphertextHex: [
      "dc7e84bfda79164b7ecd8486985d3860",
      "39ffed143b28b1c832113c6331e5407b",
      "df10132415e54b92a13ed0a8267ae2f9",
      "75a385741ab9cef82031623d55b1e471",
    ].join(""),
  },
];
